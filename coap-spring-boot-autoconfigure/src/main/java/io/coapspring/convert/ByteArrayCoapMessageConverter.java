package io.coapspring.convert;

import java.util.List;

import org.eclipse.californium.core.coap.MediaTypeRegistry;

import org.springframework.core.ResolvableType;

/**
 * Passes {@code byte[]} payloads through unchanged, whatever their Content-Format;
 * {@code application/octet-stream} by default.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class ByteArrayCoapMessageConverter implements CoapMessageConverter {

	private static final ResolvableType BYTES = ResolvableType.forClass(byte[].class);

	@Override
	public List<Integer> getContentFormats() {
		return List.of(MediaTypeRegistry.APPLICATION_OCTET_STREAM);
	}

	@Override
	public boolean canRead(ResolvableType type, int contentFormat) {
		return type.isAssignableFrom(BYTES);
	}

	@Override
	public boolean canWrite(ResolvableType type, int contentFormat) {
		return BYTES.isAssignableFrom(type);
	}

	@Override
	public Object read(ResolvableType type, byte[] payload, int contentFormat) {
		return payload;
	}

	@Override
	public byte[] write(Object value, ResolvableType type, int contentFormat) {
		return (byte[]) value;
	}

}
