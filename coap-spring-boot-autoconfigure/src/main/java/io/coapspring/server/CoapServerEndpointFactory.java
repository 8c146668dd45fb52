package io.coapspring.server;

import org.eclipse.californium.core.network.Endpoint;

/**
 * Creates an endpoint that the CoAP server binds besides its plain UDP endpoint, or instead of it when
 * {@code coap.server.secure-only=true}: for instance the DTLS ({@code coaps}) endpoint.
 * <p>
 * Beans of this type are asked once, in {@link org.springframework.core.annotation.Order @Order}, while
 * the server is created; {@code CoapServerLifecycle} starts and stops the endpoints with the server.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface CoapServerEndpointFactory {

	/**
	 * Create a new endpoint that is not started yet.
	 * @return the endpoint
	 */
	Endpoint createEndpoint();

}
