package io.coapspring.autoconfigure;

import org.eclipse.californium.elements.config.Configuration;

/**
 * Callback that adjusts the in-memory Californium {@link Configuration} after the {@code coap.*} properties
 * were applied: the way to reach any Californium setting that has no property of its own.
 * <p>
 * Beans of this type are applied in {@link org.springframework.core.annotation.Order @Order}. The same
 * configuration serves the server and the client endpoints.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface CoapConfigurationCustomizer {

	/**
	 * Customize the given configuration.
	 * @param configuration the configuration built from the properties
	 */
	void customize(Configuration configuration);

}
