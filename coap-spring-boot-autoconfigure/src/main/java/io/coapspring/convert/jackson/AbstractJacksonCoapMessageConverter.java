package io.coapspring.convert.jackson;

import java.util.List;
import java.util.Locale;

import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageConverter;
import io.coapspring.convert.CoapMessageNotReadableException;
import io.coapspring.convert.CoapMessageNotWritableException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;

/**
 * Base class of converters that bind payloads with a Jackson {@link ObjectMapper}: the application's
 * Spring Boot configured mapper, so its modules and customizations apply to CoAP payloads too.
 * <p>
 * Besides its own Content-Formats, a converter created with a structured syntax suffix ({@code +json}, RFC 6839)
 * reads and writes every Content-Format whose media type ends with it, as Spring MVC's Jackson converters do:
 * {@code application/merge-patch+json} (52), or an application's {@code application/vnd.acme.reading+json}
 * registered as a {@link io.coapspring.convert.CoapContentFormat}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public abstract class AbstractJacksonCoapMessageConverter implements CoapMessageConverter {

	private final ObjectMapper mapper;

	private final List<Integer> contentFormats;

	private final String formatName;

	private final @Nullable String suffix;

	private final CoapContentFormats registry;

	/**
	 * Create a converter of the given Content-Formats only.
	 * @param mapper the mapper
	 * @param formatName the name used in diagnostics, for instance {@code JSON}
	 * @param contentFormats the Content-Formats handled, the default first
	 */
	protected AbstractJacksonCoapMessageConverter(ObjectMapper mapper, String formatName, Integer... contentFormats) {
		this(mapper, formatName, null, new CoapContentFormats(), contentFormats);
	}

	/**
	 * Create a converter of the given Content-Formats and of every format whose media type has the given
	 * structured syntax suffix.
	 * @param mapper the mapper
	 * @param formatName the name used in diagnostics, for instance {@code JSON}
	 * @param suffix the structured syntax suffix, for instance {@code +json}, or {@code null} for none
	 * @param registry names Content-Format numbers, including the application's own formats
	 * @param contentFormats the Content-Formats written by preference, the default first
	 * @since 0.1.0
	 */
	protected AbstractJacksonCoapMessageConverter(ObjectMapper mapper, String formatName, @Nullable String suffix,
			CoapContentFormats registry, Integer... contentFormats) {
		Assert.notNull(mapper, "'mapper' must not be null");
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notEmpty(contentFormats, "'contentFormats' must not be empty");
		this.mapper = mapper;
		this.formatName = formatName;
		this.suffix = (suffix != null) ? suffix.toLowerCase(Locale.ROOT) : null;
		this.registry = registry;
		this.contentFormats = List.of(contentFormats);
	}

	@Override
	public List<Integer> getContentFormats() {
		return this.contentFormats;
	}

	@Override
	public boolean canRead(ResolvableType type, int contentFormat) {
		return supports(contentFormat) && type.resolve() != null;
	}

	@Override
	public boolean canWrite(ResolvableType type, int contentFormat) {
		return supports(contentFormat);
	}

	/**
	 * Return whether this converter handles a Content-Format: one of its own, or one whose media type ends with
	 * its structured syntax suffix.
	 * @param contentFormat the Content-Format number
	 * @return {@code true} if payloads of the format are read and written
	 */
	protected boolean supports(int contentFormat) {
		if (this.contentFormats.contains(contentFormat)) {
			return true;
		}
		if (this.suffix == null || contentFormat < 0) {
			return false;
		}
		String mediaType = this.registry.name(contentFormat);
		int parameters = mediaType.indexOf(';');
		if (parameters >= 0) {
			mediaType = mediaType.substring(0, parameters);
		}
		return mediaType.trim().toLowerCase(Locale.ROOT).endsWith(this.suffix);
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
