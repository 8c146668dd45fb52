package io.coapspring.convert.jackson;

import org.eclipse.californium.core.coap.MediaTypeRegistry;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * Reads and writes {@code application/cbor} (60) and {@code application/senml+cbor} (112) payloads with a
 * {@link CBORMapper}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class JacksonCborCoapMessageConverter extends AbstractJacksonCoapMessageConverter {

	/**
	 * Create a converter.
	 * @param mapper the mapper, usually Spring Boot's auto-configured one
	 */
	public JacksonCborCoapMessageConverter(CBORMapper mapper) {
		super(mapper, "CBOR", MediaTypeRegistry.APPLICATION_CBOR, MediaTypeRegistry.APPLICATION_SENML_CBOR);
	}

}
