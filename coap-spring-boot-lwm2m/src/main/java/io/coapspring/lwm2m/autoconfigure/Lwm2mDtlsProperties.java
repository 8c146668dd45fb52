package io.coapspring.lwm2m.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The DTLS ('coaps://') endpoint of the LWM2M server or of the bootstrap server, and the pre-shared keys of its
 * clients: the part both share ({@code coap.lwm2m.server.dtls.*}, {@code coap.lwm2m.bootstrap.dtls.*}).
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
