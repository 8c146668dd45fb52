package io.coapspring.lwm2m.server;

import org.eclipse.leshan.server.LeshanServerBuilder;

/**
 * Callback to customize the Leshan server builder after the auto-configuration applied the
 * {@code coap.lwm2m.server.*} properties and before the server is built: the escape hatch for the parts of Leshan
 * this starter does not expose. Customizers run in {@code @Order} order.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface Lwm2mServerCustomizer {

	/**
	 * Customize the builder.
	 * @param builder Leshan's server builder
	 */
	void customize(LeshanServerBuilder builder);

}
