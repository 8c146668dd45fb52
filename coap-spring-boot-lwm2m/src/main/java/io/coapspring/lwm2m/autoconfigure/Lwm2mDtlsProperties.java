package io.coapspring.lwm2m.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The DTLS ('coaps://') endpoint of the LWM2M server or of the bootstrap server: its own credentials and the
 * identities of its clients (pre-shared keys, raw public keys, X.509), the part both share
 * ({@code coap.lwm2m.server.dtls.*}, {@code coap.lwm2m.bootstrap.dtls.*}).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mDtlsProperties {

	/**
	 * Whether to open a DTLS ('coaps://') endpoint. Clients authenticate with the identities of the security
	 * store (pre-shared keys from 'psk', or a security store bean of the application's own).
	 */
	private boolean enabled;

	/**
	 * Pre-shared keys by client endpoint name: the client with that endpoint name must authenticate with this
	 * PSK identity and key (DTLS binds the endpoint name to the identity). Ignored when the application defines
	 * its own security store bean.
	 */
	private Map<String, Psk> psk = new LinkedHashMap<>();

	/**
	 * Name of the Spring Boot SSL bundle ('spring.ssl.bundle.*') holding this server's private key and
	 * certificate chain (X.509 and raw public key handshakes) and the certificates trusted to authenticate
	 * clients' X.509 certificates.
	 */
	private @Nullable String sslBundle;

	/**
	 * Endpoint names of clients that authenticate with an X.509 certificate; the certificate's common name must
	 * be the endpoint name. Ignored when the application defines its own security store bean.
	 */
	private List<String> x509Clients = new ArrayList<>();

	/**
	 * Raw public keys by client endpoint name: the client with that endpoint name must authenticate with this key
	 * (Base64 of its DER SubjectPublicKeyInfo, or a PEM 'PUBLIC KEY' block; EC, Ed25519 or RSA). The server needs
	 * a key of its own for these handshakes ('ssl-bundle'). Ignored when the application defines its own security
	 * store bean.
	 */
	private Map<String, String> rpkClients = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Map<String, Psk> getPsk() {
		return this.psk;
	}

	public void setPsk(Map<String, Psk> psk) {
		this.psk = psk;
	}

	public @Nullable String getSslBundle() {
		return this.sslBundle;
	}

	public void setSslBundle(@Nullable String sslBundle) {
		this.sslBundle = sslBundle;
	}

	public List<String> getX509Clients() {
		return this.x509Clients;
	}

	public void setX509Clients(List<String> x509Clients) {
		this.x509Clients = x509Clients;
	}

	public Map<String, String> getRpkClients() {
		return this.rpkClients;
	}

	public void setRpkClients(Map<String, String> rpkClients) {
		this.rpkClients = rpkClients;
	}

	/**
	 * A pre-shared key: a client's, or the one the bootstrap server gives a client for an LWM2M server.
	 */
	public static class Psk {

		/**
		 * PSK identity presented in the DTLS handshake.
		 */
		private @Nullable String identity;

		/**
		 * The key, in hexadecimal.
		 */
		private @Nullable String key;

		public @Nullable String getIdentity() {
			return this.identity;
		}

		public void setIdentity(@Nullable String identity) {
			this.identity = identity;
		}

		public @Nullable String getKey() {
			return this.key;
		}

		public void setKey(@Nullable String key) {
			this.key = key;
		}

	}

}
