package io.coapspring.client;

/**
 * Callback that customizes the auto-configured {@link CoapTemplateBuilder}, for instance to set a base URI,
 * a timeout, an Accept option, converters or an endpoint for every template of the application.
 * <p>
 * Beans of this type are applied in {@link org.springframework.core.annotation.Order @Order}, after the
 * {@code coap.client.*} properties.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface CoapTemplateCustomizer {

	/**
	 * Customize the given builder.
	 * @param builder the builder
	 */
	void customize(CoapTemplateBuilder builder);

}
