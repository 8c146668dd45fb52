package io.coapspring.lwm2m.server;

import org.eclipse.californium.elements.config.Configuration;

/**
 * Callback to customize the Californium {@link Configuration} of the LWM2M server's endpoints (a copy of the
 * application's CoAP configuration, so that changes here leave the CoAP server alone) after the auto-configuration
 * applied its own values and before the endpoints are created. Customizers run in {@code @Order} order.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface Lwm2mEndpointsConfigurationCustomizer {

	/**
	 * Customize the configuration.
	 * @param configuration the configuration of the LWM2M server's endpoints
	 */
	void customize(Configuration configuration);

}
