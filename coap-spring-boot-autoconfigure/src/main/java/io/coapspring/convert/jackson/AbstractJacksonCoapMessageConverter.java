package io.coapspring.convert.jackson;

import java.util.List;

import io.coapspring.convert.CoapMessageConverter;
import io.coapspring.convert.CoapMessageNotReadableException;
import io.coapspring.convert.CoapMessageNotWritableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;

/**
 * Base class of converters that bind payloads with a Jackson {@link ObjectMapper}: the application's
 * Spring Boot configured mapper, so its modules and customizations apply to CoAP payloads too.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public abstract class AbstractJacksonCoapMessageConverter implements CoapMessageConverter {

	private final ObjectMapper mapper;

	private final List<Integer> contentFormats;

	private final String formatName;

	/**
	 * Create a converter.
	 * @param mapper the mapper
	 * @param formatName the name used in diagnostics, for instance {@code JSON}
	 * @param contentFormats the Content-Formats handled, the default first
	 */
	protected AbstractJacksonCoapMessageConverter(ObjectMapper mapper, String formatName, Integer... contentFormats) {
		Assert.notNull(mapper, "'mapper' must not be null");
		Assert.notEmpty(contentFormats, "'contentFormats' must not be empty");
		this.mapper = mapper;
		this.formatName = formatName;
		this.contentFormats = List.of(contentFormats);
	}

	@Override
	public List<Integer> getContentFormats() {
		return this.contentFormats;
	}

	@Override
	public boolean canRead(ResolvableType type, int contentFormat) {
		return this.contentFormats.contains(contentFormat) && type.resolve() != null;
	}

	@Override
	public boolean canWrite(ResolvableType type, int contentFormat) {
		return this.contentFormats.contains(contentFormat);
	}

	@Override
	public Object read(ResolvableType type, byte[] payload, int contentFormat) {
		if (payload.length == 0) {
			throw new CoapMessageNotReadableException("Empty " + this.formatName + " payload", null);
		}
		JavaType javaType = this.mapper.constructType(type.getType());
		try {
			Object value = this.mapper.readValue(payload, javaType);
			if (value == null) {
				throw new CoapMessageNotReadableException(this.formatName + " payload is null", null);
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new CoapMessageNotReadableException(diagnostic(ex), ex);
		}
	}

	@Override
	public byte[] write(Object value, ResolvableType type, int contentFormat) {
		try {
			return this.mapper.writeValueAsBytes(value);
		}
		catch (JacksonException ex) {
			throw new CoapMessageNotWritableException("Could not write " + this.formatName + ": "
					+ ex.getOriginalMessage(), ex);
		}
	}

	private String diagnostic(JacksonException ex) {
		StringBuilder text = new StringBuilder("Malformed ").append(this.formatName).append(" payload");
		if (ex instanceof DatabindException && !ex.getPath().isEmpty()) {
			text.append(" at '").append(path(ex)).append('\'');
		}
		if (ex.getLocation() != null && ex.getLocation().getLineNr() > 0) {
			text.append(" (line ").append(ex.getLocation().getLineNr()).append(", column ")
				.append(ex.getLocation().getColumnNr()).append(')');
		}
		String message = ex.getOriginalMessage();
		if (message != null) {
			int newline = message.indexOf('\n');
			text.append(": ").append((newline > 0) ? message.substring(0, newline) : message);
		}
		return text.toString();
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
