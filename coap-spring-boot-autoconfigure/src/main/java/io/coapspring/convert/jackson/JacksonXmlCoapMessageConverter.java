package io.coapspring.convert.jackson;

import org.eclipse.californium.core.coap.MediaTypeRegistry;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * Reads and writes {@code application/xml} (41) payloads with an {@link XmlMapper}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class JacksonXmlCoapMessageConverter extends AbstractJacksonCoapMessageConverter {

	/**
	 * Create a converter.
	 * @param mapper the mapper, usually Spring Boot's auto-configured one
	 */
	public JacksonXmlCoapMessageConverter(XmlMapper mapper) {
		super(mapper, "XML", MediaTypeRegistry.APPLICATION_XML);
	}

}
