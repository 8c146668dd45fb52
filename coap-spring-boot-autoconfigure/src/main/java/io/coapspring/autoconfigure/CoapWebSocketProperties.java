package io.coapspring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration properties of the CoAP server's CoAP over WebSockets ({@code coap+ws}, RFC 8323 section 4)
 * endpoint on the application's own HTTP server, bound from {@code coap.server.websocket.*}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("coap.server.websocket")
public class CoapWebSocketProperties {

	/**
	 * Whether to serve CoAP over WebSockets ('coap+ws', RFC 8323) on the application's servlet HTTP server.
	 * Needs org.springframework.boot:spring-boot-starter-websocket on the classpath.
	 */
	private boolean enabled;

	/**
	 * HTTP path of the WebSocket endpoint; RFC 8323 section 4.1 defines '/.well-known/coap'.
	 */
	private String path = "/.well-known/coap";

	/**
	 * Origins allowed to open a connection from a browser (the handshake's Origin header), or '*' for any.
	 * Empty allows only the same origin; clients that send no Origin header are always allowed.
	 */
	private List<String> allowedOrigins = new ArrayList<>();

	/**
	 * Largest number of WebSocket connections open at the same time; a connection beyond it is answered with
	 * an Abort and closed with code 1013 (try again later). An idle connection costs about 120 KB of heap on
	 * Tomcat.
	 */
	private int maxConnections = 1000;

	/**
	 * Largest message accepted, announced as Max-Message-Size in the CSM; a larger message aborts the
	 * connection. At least 1152 bytes; above 1152 bytes block-wise transfers are not announced, because BERT is
	 * not supported.
	 */
	private DataSize maxMessageSize = DataSize.ofBytes(1152);

	/**
	 * Time a new connection may take to send its Capabilities and Settings Message before it is aborted.
	 */
	private Duration csmTimeout = Duration.ofSeconds(10);

	/**
	 * Time without a message from the peer after which the server sends it a Ping (RFC 8323 section 5.4), to
	 * keep the connection and the proxies on its way alive. 0 sends none.
	 */
	private Duration pingInterval = Duration.ofSeconds(60);

	/**
	 * Time without a message from the peer, Pongs included, after which the connection is closed. 0 never
	 * closes it.
	 */
	private Duration idleTimeout = Duration.ofMinutes(5);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public List<String> getAllowedOrigins() {
		return this.allowedOrigins;
	}

	public void setAllowedOrigins(List<String> allowedOrigins) {
		this.allowedOrigins = allowedOrigins;
	}

	public int getMaxConnections() {
		return this.maxConnections;
	}

	public void setMaxConnections(int maxConnections) {
		this.maxConnections = maxConnections;
	}

	public DataSize getMaxMessageSize() {
		return this.maxMessageSize;
	}

	public void setMaxMessageSize(DataSize maxMessageSize) {
		this.maxMessageSize = maxMessageSize;
	}

	public Duration getCsmTimeout() {
		return this.csmTimeout;
	}

	public void setCsmTimeout(Duration csmTimeout) {
		this.csmTimeout = csmTimeout;
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

}
