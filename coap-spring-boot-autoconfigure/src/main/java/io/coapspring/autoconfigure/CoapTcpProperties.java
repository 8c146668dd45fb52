package io.coapspring.autoconfigure;

import java.net.InetAddress;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the CoAP server's CoAP over TCP ({@code coap+tcp}, RFC 8323) endpoint, bound
 * from {@code coap.server.tcp.*}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("coap.server.tcp")
public class CoapTcpProperties {

	/**
	 * Whether to run a CoAP over TCP ('coap+tcp', RFC 8323) endpoint. Needs
	 * org.eclipse.californium:element-connector-tcp-netty on the classpath.
	 */
	private boolean enabled;

	/**
	 * Address the TCP endpoint binds. Unset uses 'coap.server.address'.
	 */
	private @Nullable InetAddress address;

	/**
	 * TCP port the endpoint listens on. 0 picks a free port.
	 */
	private int port = 5683;

	/**
	 * Largest number of connections open at the same time; a connection beyond it is answered with an Abort
	 * and closed.
	 */
	private int maxConnections = 10000;

	/**
	 * Time without traffic in either direction after which a connection is closed, in whole seconds. With
	 * keep-alive Pings, the time without a message from the client (a Pong included) after which it is aborted.
	 */
	private Duration idleTimeout = Duration.ofMinutes(5);

	/**
	 * Time without a message from the client after which the server sends it a Ping (RFC 8323 section 5.4), to
	 * keep the connection and the NATs on its way alive; a client that answers nothing is aborted at the idle
	 * timeout. Applies to the TLS endpoint too. 0 sends none.
	 */
	private Duration pingInterval = Duration.ofSeconds(60);

	/**
	 * Time a new connection may take to send its Capabilities and Settings Message before it is aborted.
	 */
	private Duration csmTimeout = Duration.ofSeconds(10);

	/**
	 * Largest message accepted, announced as Max-Message-Size in the CSM; a larger message aborts the
	 * connection. At least 1152 bytes; above 1152 bytes block-wise transfers are not announced, because BERT is
	 * not supported.
	 */
	private DataSize maxMessageSize = DataSize.ofBytes(1152);

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

	public int getMaxConnections() {
		return this.maxConnections;
	}

	public void setMaxConnections(int maxConnections) {
		this.maxConnections = maxConnections;
	}

	public Duration getPingInterval() {
		return this.pingInterval;
	}

	public void setPingInterval(Duration pingInterval) {
		this.pingInterval = pingInterval;
	}

	public Duration getIdleTimeout() {
		return this.idleTimeout;
	}

	public void setIdleTimeout(Duration idleTimeout) {
		this.idleTimeout = idleTimeout;
	}

	public Duration getCsmTimeout() {
		return this.csmTimeout;
	}

	public void setCsmTimeout(Duration csmTimeout) {
		this.csmTimeout = csmTimeout;
	}

	public DataSize getMaxMessageSize() {
		return this.maxMessageSize;
	}

	public void setMaxMessageSize(DataSize maxMessageSize) {
		this.maxMessageSize = maxMessageSize;
	}

}
