package io.coapspring.convert;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntPredicate;

import org.eclipse.californium.core.coap.MediaTypeRegistry;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;

/**
 * Reads and writes {@code String} payloads as UTF-8 (RFC 7252 section 12.3 mandates UTF-8 for text/plain)
 * for every textual Content-Format, so that a handler returning a ready-made JSON or link-format string
 * sends it as it is.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class StringCoapMessageConverter implements CoapMessageConverter {

	private static final ResolvableType STRING = ResolvableType.forClass(String.class);

	private final IntPredicate textual;

	/**
	 * Create a converter for the formats that {@link CoapContentFormats#isTextual(int)} reports as text.
	 * @param contentFormats the registry
	 */
	public StringCoapMessageConverter(CoapContentFormats contentFormats) {
		this(contentFormats::isTextual);
	}

	/**
	 * Create a converter for the given formats.
	 * @param textual tells which Content-Format numbers carry text
	 */
	public StringCoapMessageConverter(IntPredicate textual) {
		Assert.notNull(textual, "'textual' must not be null");
		this.textual = textual;
	}

	@Override
	public List<Integer> getContentFormats() {
		return List.of(MediaTypeRegistry.TEXT_PLAIN);
	}

	@Override
	public boolean canRead(ResolvableType type, int contentFormat) {
		return type.isAssignableFrom(STRING) && this.textual.test(contentFormat);
	}

	@Override
	public boolean canWrite(ResolvableType type, int contentFormat) {
		return STRING.isAssignableFrom(type) && this.textual.test(contentFormat);
	}

	@Override
	public Object read(ResolvableType type, byte[] payload, int contentFormat) {
		return new String(payload, StandardCharsets.UTF_8);
	}

	@Override
	public byte[] write(Object value, ResolvableType type, int contentFormat) {
		return ((String) value).getBytes(StandardCharsets.UTF_8);
	}

}
