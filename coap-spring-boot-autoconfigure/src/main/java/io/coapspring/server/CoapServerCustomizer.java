package io.coapspring.server;

import org.eclipse.californium.core.CoapServer;

/**
 * Callback that adjusts the auto-configured {@link CoapServer} before it starts: add endpoints, resources,
 * interceptors or anything else Californium offers.
 * <p>
 * Beans of this type are applied in {@link org.springframework.core.annotation.Order @Order}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface CoapServerCustomizer {

	/**
	 * Customize the given server, which has its endpoints but is not started yet.
	 * @param server the server
	 */
	void customize(CoapServer server);

}
