package io.coapspring.convert.jackson;

import org.eclipse.californium.core.coap.MediaTypeRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@code application/json} (50) and {@code application/senml+json} (110) payloads with
 * the application's {@link JsonMapper}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class JacksonJsonCoapMessageConverter extends AbstractJacksonCoapMessageConverter {

	/**
	 * Create a converter.
	 * @param mapper the mapper, usually Spring Boot's auto-configured one
	 */
	public JacksonJsonCoapMessageConverter(JsonMapper mapper) {
		super(mapper, "JSON", MediaTypeRegistry.APPLICATION_JSON, MediaTypeRegistry.APPLICATION_SENML_JSON);
	}

}
