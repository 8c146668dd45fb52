package io.coapspring.convert.jackson;

import io.coapspring.convert.CoapContentFormats;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import tools.jackson.dataformat.cbor.CBORMapper;

import org.springframework.core.ResolvableType;

/**
 * Reads and writes {@code application/cbor} (60) and {@code application/senml+cbor} (112) payloads with a
 * {@link CBORMapper}, and any other {@code +cbor} Content-Format when created with the application's
 * {@link CoapContentFormats}, except concise problem details (257), which only error responses carry. Arrays,
 * maps and strings are written with definite lengths.
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
		this(mapper, new CoapContentFormats());
	}

	/**
	 * Create a converter that also handles every {@code +cbor} Content-Format the registry knows.
	 * @param mapper the mapper, usually Spring Boot's auto-configured one
	 * @param contentFormats the registry, with the application's own formats
	 * @since 0.1.0
	 */
	public JacksonCborCoapMessageConverter(CBORMapper mapper, CoapContentFormats contentFormats) {
		super(mapper, "CBOR", "+cbor", contentFormats, MediaTypeRegistry.APPLICATION_CBOR,
				MediaTypeRegistry.APPLICATION_SENML_CBOR);
	}

	/**
	 * Return whether this converter handles a Content-Format: CBOR, SenML CBOR, or another {@code +cbor} format
	 * other than RFC 9290 concise problem details (257), which only error responses carry.
	 * @param contentFormat the Content-Format number
	 * @return {@code true} if payloads of the format are read and written
	 */
	@Override
	protected boolean supports(int contentFormat) {
		return contentFormat != CoapContentFormats.PROBLEM_DETAILS_CBOR && super.supports(contentFormat);
	}

	/**
	 * Write a value with definite lengths only (RFC 8949 preferred serialization): Jackson streams the maps of
	 * objects with indefinite length, which constrained decoders reject, so its output is rewritten.
	 * @param value the value
	 * @param type the type of the value
	 * @param contentFormat the Content-Format number to produce
	 * @return the payload
	 */
	@Override
	public byte[] write(Object value, ResolvableType type, int contentFormat) {
		return DefiniteLengthCbor.rewrite(super.write(value, type, contentFormat));
	}

}
