package io.coapspring.server;

/**
 * Callback that adjusts the auto-configured {@link CoapServerFactory} before it creates the server's
 * endpoints, for instance to give the plain endpoint another protocol stack (OSCORE).
 * <p>
 * Beans of this type are applied in {@link org.springframework.core.annotation.Order @Order}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface CoapServerFactoryCustomizer {

	/**
	 * Customize the given factory.
	 * @param factory the factory, with the settings of the auto-configuration applied
	 */
	void customize(CoapServerFactory factory);

}
