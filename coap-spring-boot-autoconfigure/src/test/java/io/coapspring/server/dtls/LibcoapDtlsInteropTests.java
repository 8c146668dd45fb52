package io.coapspring.server.dtls;

import io.coapspring.server.context.LocalCoapDtlsPort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.coapspring.server.dtls.DtlsTestCredentials.path;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Foreign DTLS clients nobody here wrote, libcoap over OpenSSL and over GnuTLS, against the server of
 * {@link DtlsServerTest}. libcoap exits 0 whatever happened, so each test judges what the client printed:
 * the resource's answer, or none of it.
 */
@DtlsServerTest
class LibcoapDtlsInteropTests {

	private static final String ANSWER = "hello ";

	@LocalCoapDtlsPort
	int dtlsPort;

	@ParameterizedTest
	@ValueSource(strings = { "coap-client-openssl", "coap-client-gnutls" })
	void pskWithRightKeyGetsData(String binary) throws Exception {
		String output = LibcoapClient.require(binary).run("-m", "get", "-u", "device-psk", "-k", "secretPSK", whoami());
		assertThat(output).contains("hello PRE_SHARED_KEY device-psk");
	}

	@ParameterizedTest
	@ValueSource(strings = { "coap-client-openssl", "coap-client-gnutls" })
	void pskWithWrongKeyGetsNoData(String binary) throws Exception {
		String output = LibcoapClient.require(binary).run("-m", "get", "-u", "device-psk", "-k", "wrongPSK", whoami());
		assertThat(output).doesNotContain(ANSWER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "coap-client-openssl", "coap-client-gnutls" })
	void pskWithUnknownIdentityGetsNoData(String binary) throws Exception {
		String output = LibcoapClient.require(binary).run("-m", "get", "-u", "nobody", "-k", "secretPSK", whoami());
		assertThat(output).doesNotContain(ANSWER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "coap-client-openssl", "coap-client-gnutls" })
	void certificateSignedByTrustedCaGetsData(String binary) throws Exception {
		String output = LibcoapClient.require(binary)
			.run("-m", "get", "-c", path("client.pem"), "-j", path("client-key.pem"), "-R", path("ca.pem"), whoami());
		assertThat(output).contains("hello X509_CERTIFICATE CN=device-7");
	}

	@ParameterizedTest
	@ValueSource(strings = { "coap-client-openssl", "coap-client-gnutls" })
	void certificateSignedByUntrustedCaGetsNoData(String binary) throws Exception {
		String output = LibcoapClient.require(binary)
			.run("-m", "get", "-c", path("rogue-client.pem"), "-j", path("rogue-client-key.pem"), "-R",
					path("ca.pem"), whoami());
		assertThat(output).doesNotContain(ANSWER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "coap-client-openssl", "coap-client-gnutls" })
	void clientThatDoesNotTrustTheServerGetsNoData(String binary) throws Exception {
		String output = LibcoapClient.require(binary)
			.run("-m", "get", "-c", path("client.pem"), "-j", path("client-key.pem"), "-R", path("rogue-ca.pem"),
					whoami());
		assertThat(output).doesNotContain(ANSWER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "coap-client-openssl", "coap-client-gnutls" })
	void certificateMissingGetsNoDataBecauseClientAuthIsNeeded(String binary) throws Exception {
		String output = LibcoapClient.require(binary).run("-m", "get", "-R", path("ca.pem"), whoami());
		assertThat(output).doesNotContain(ANSWER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "rpk-client.pem" })
	void trustedRawPublicKeyGetsDataOverGnutls(String keyFile) throws Exception {
		String output = LibcoapClient.require("coap-client-gnutls").run("-m", "get", "-M", path(keyFile), "-R", path("ca.pem"), whoami());
		assertThat(output).contains("hello RAW_PUBLIC_KEY ni:///sha-256;");
	}

	@ParameterizedTest
	@ValueSource(strings = { "rpk-other.pem" })
	void untrustedRawPublicKeyGetsNoDataOverGnutls(String keyFile) throws Exception {
		String output = LibcoapClient.require("coap-client-gnutls").run("-m", "get", "-M", path(keyFile), "-R", path("ca.pem"), whoami());
		assertThat(output).doesNotContain(ANSWER);
	}

	private String whoami() {
		return "coaps://127.0.0.1:" + this.dtlsPort + "/whoami";
	}

}
