package io.coapspring.server.context;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Publishes the ports the CoAP server bound as environment properties, as Spring Boot does for
 * {@code local.server.port}: the plain UDP port as {@code local.coap.port} (injected with
 * {@link LocalCoapPort}) and the DTLS port as {@code local.coap.dtls-port} (injected with
 * {@link LocalCoapDtlsPort}). A property is set only when the server runs such an endpoint.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapPortInfoApplicationContextInitializer
		implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/**
	 * The property that holds the bound port.
	 */
	public static final String PORT_PROPERTY = "local.coap.port";

	/**
	 * The property that holds the bound DTLS port.
	 */
	public static final String DTLS_PORT_PROPERTY = "local.coap.dtls-port";

	private static final String PROPERTY_SOURCE_NAME = "coap.ports";

	@Override
	public void initialize(ConfigurableApplicationContext applicationContext) {
		applicationContext.addApplicationListener(new Listener(applicationContext.getEnvironment()));
	}

	private static final class Listener implements ApplicationListener<CoapServerStartedEvent> {

		private final ConfigurableEnvironment environment;

		private Listener(ConfigurableEnvironment environment) {
			this.environment = environment;
		}

		@Override
		public void onApplicationEvent(CoapServerStartedEvent event) {
			Map<String, Object> properties = portProperties(this.environment.getPropertySources());
			if (event.getPort() >= 0) {
				properties.put(PORT_PROPERTY, event.getPort());
			}
			if (event.getSecurePort() >= 0) {
				properties.put(DTLS_PORT_PROPERTY, event.getSecurePort());
			}
		}

		@SuppressWarnings("unchecked")
		private static Map<String, Object> portProperties(MutablePropertySources sources) {
			PropertySource<?> source = sources.get(PROPERTY_SOURCE_NAME);
			if (source == null) {
				source = new MapPropertySource(PROPERTY_SOURCE_NAME, new HashMap<>());
				sources.addFirst(source);
			}
			return (Map<String, Object>) source.getSource();
		}

	}

}
