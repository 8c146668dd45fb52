package io.coapspring.convert.jackson;

import io.coapspring.convert.CoapContentFormats;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes {@code application/json} (50) and {@code application/senml+json} (110) payloads with
 * the application's {@link JsonMapper}, and any other {@code +json} Content-Format, such as
 * {@code application/merge-patch+json} (52) or an application's own {@code application/vnd.acme.reading+json}
 * when created with the application's {@link CoapContentFormats}.
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
		this(mapper, new CoapContentFormats());
	}

	/**
	 * Create a converter that also handles every {@code +json} Content-Format the registry knows.
	 * @param mapper the mapper, usually Spring Boot's auto-configured one
	 * @param contentFormats the registry, with the application's own formats
	 * @since 0.1.0
	 */
	public JacksonJsonCoapMessageConverter(JsonMapper mapper, CoapContentFormats contentFormats) {
		super(mapper, "JSON", "+json", contentFormats, MediaTypeRegistry.APPLICATION_JSON,
				MediaTypeRegistry.APPLICATION_SENML_JSON);
	}

}
