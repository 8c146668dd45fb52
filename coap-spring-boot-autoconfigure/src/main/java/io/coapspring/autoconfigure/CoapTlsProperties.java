package io.coapspring.autoconfigure;

import java.net.InetAddress;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the CoAP server's CoAP over TLS ({@code coaps+tcp}, RFC 8323) endpoint, bound
 * from {@code coap.server.tls.*}. Its connections share the settings of {@code coap.server.tcp.*}
 * (Max-Message-Size, CSM and idle timeouts, connection limit), with a limit of their own.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("coap.server.tls")
public class CoapTlsProperties {

	/**
	 * Whether to run a CoAP over TLS ('coaps+tcp', RFC 8323) endpoint. Needs
	 * org.eclipse.californium:element-connector-tcp-netty on the classpath and 'coap.server.tls.ssl-bundle'.
	 */
	private boolean enabled;

	/**
	 * Address the TLS endpoint binds. Unset uses 'coap.server.address'.
	 */
	private @Nullable InetAddress address;

	/**
	 * TCP port the TLS endpoint listens on. 0 picks a free port.
	 */
	private int port = 5684;

	/**
	 * Name of the SSL bundle ('spring.ssl.bundle.*') whose key store holds the server's private key and
	 * certificate chain, and whose trust store holds the certificates trusted to authenticate clients.
	 */
	private @Nullable String sslBundle;

	/**
	 * How much the server asks clients to authenticate with a certificate: 'none', 'wanted' or 'needed'.
	 */
	private CoapProperties.ClientAuth clientAuth = CoapProperties.ClientAuth.NEEDED;

	/**
	 * Longest time a TLS handshake may take.
	 */
	private Duration handshakeTimeout = Duration.ofSeconds(10);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable InetAddress getAddress() {
		return this.address;
	}

	public void setAddress(@Nullable InetAddress address) {
		this.address = address;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public @Nullable String getSslBundle() {
		return this.sslBundle;
	}

	public void setSslBundle(@Nullable String sslBundle) {
		this.sslBundle = sslBundle;
	}

	public CoapProperties.ClientAuth getClientAuth() {
		return this.clientAuth;
	}

	public void setClientAuth(CoapProperties.ClientAuth clientAuth) {
		this.clientAuth = clientAuth;
	}

	public Duration getHandshakeTimeout() {
		return this.handshakeTimeout;
	}

	public void setHandshakeTimeout(Duration handshakeTimeout) {
		this.handshakeTimeout = handshakeTimeout;
	}

}
