package io.coapspring.client;

/**
 * Callback that adjusts the auto-configured {@link CoapClientEndpoints} before any template uses them, for
 * instance to give their endpoints the OSCORE stack and mark requests to OSCORE peers.
 * <p>
 * Beans of this type are applied in {@link org.springframework.core.annotation.Order @Order}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface CoapClientEndpointsCustomizer {

	/**
	 * Customize the given endpoints.
	 * @param endpoints the endpoints, none of them bound yet
	 */
	void customize(CoapClientEndpoints endpoints);

}
