package io.coapspring.client;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;

import org.eclipse.californium.core.coap.Request;
import org.jspecify.annotations.Nullable;

/**
 * A Californium {@link Request} ready to be sent, with what the template needs to send it and to read its
 * response.
 *
 * @param request the request
 * @param uri the absolute URI it was built from
 * @param destination the address it is sent to
 * @param blockSize the block size of its endpoint, 0 for the configured one
 * @param timeout how long to wait for its response
 * @param accept the Accept Content-Format it carries, {@code null} for none
 * @param secure whether it is sent over DTLS ({@code coaps}) or TLS ({@code coaps+tcp})
 * @param tcp whether it is sent over TCP ({@code coap+tcp}) or TLS ({@code coaps+tcp})
 * @param webSocket whether it is sent over a WebSocket ({@code coap+ws})
 * @author CoAP Spring Boot team
 */
record PreparedRequest(Request request, URI uri, InetSocketAddress destination, int blockSize, Duration timeout,
		@Nullable Integer accept, boolean secure, boolean tcp, boolean webSocket) {

	String describe() {
		return this.request.getCode() + " " + this.uri;
	}

}
