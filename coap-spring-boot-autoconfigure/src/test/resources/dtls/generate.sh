#!/usr/bin/env bash
# Regenerates the test credentials of the DTLS tests (EC P-256, valid for 100 years) with the openssl CLI.
# The CA keys are thrown away: the committed files are all the tests need.
set -euo pipefail
cd "$(dirname "$0")"

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"; }
ca() { # name subject
	key "$1-key.pem"
	openssl req -x509 -new -key "$1-key.pem" -sha256 -days 36500 -subj "/CN=$2" \
		-addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" -out "$1.pem"
}
leaf() { # name common-name extended-key-usage issuing-ca [subjectAltName line]
	key "$1-key.pem"
	openssl req -new -key "$1-key.pem" -subj "/CN=$2" -out "$1.csr"
	printf "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=%s\n%s\n" "$3" "${5:-}" > "$1.ext"
	openssl x509 -req -in "$1.csr" -CA "$4.pem" -CAkey "$4-key.pem" -CAcreateserial -days 36500 -sha256 \
		-extfile "$1.ext" -out "$1.pem"
	rm "$1.csr" "$1.ext"
}
rpk() { # name: PKCS#8 private key, public key, and both in one file (libcoap's -M)
	key "$1-key.pem"
	openssl pkey -in "$1-key.pem" -pubout -out "$1-pub.pem"
	cat "$1-pub.pem" "$1-key.pem" > "$1.pem"
}

ca ca "CoAP Spring Boot Test CA"
leaf server localhost serverAuth ca "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1"
leaf client device-7 clientAuth ca
ca rogue-ca "Rogue CA"
leaf rogue-client device-7 clientAuth rogue-ca
rpk rpk-client
rpk rpk-other
rm -f ./*.srl ca-key.pem rogue-ca-key.pem rpk-other-key.pem rpk-other-pub.pem
