package io.coapspring.convert;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;

/**
 * The ordered converters of an application, and the negotiation between them: which converter reads a
 * payload of a given Content-Format, and which Content-Format a value is written in given what the peer
 * accepts. Shared by the server and the client so both speak the same formats.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapMessageConverters {

	private final List<CoapMessageConverter> converters;

	private final CoapContentFormats contentFormats;

	/**
	 * Create converters.
	 * @param converters the converters, in the order they are consulted
	 * @param contentFormats the registry used to name formats in diagnostics
	 */
	public CoapMessageConverters(List<CoapMessageConverter> converters, CoapContentFormats contentFormats) {
		Assert.notEmpty(converters, "'converters' must not be empty");
		Assert.notNull(contentFormats, "'contentFormats' must not be null");
		this.converters = List.copyOf(converters);
		this.contentFormats = contentFormats;
	}

	/**
	 * Return the converters in the order they are consulted.
	 * @return the converters
	 */
	public List<CoapMessageConverter> getConverters() {
		return this.converters;
	}

	/**
	 * Return the Content-Format registry.
	 * @return the registry
	 */
	public CoapContentFormats getContentFormats() {
		return this.contentFormats;
	}

	/**
	 * Return whether some converter reads the given Content-Format as the given type.
	 * @param type the target type
	 * @param contentFormat the Content-Format number
	 * @return {@code true} if {@link #read} will find a converter
	 */
	public boolean canRead(ResolvableType type, int contentFormat) {
		return findReader(type, contentFormat) != null;
	}

	/**
	 * Read a payload.
	 * @param type the target type
	 * @param payload the payload
	 * @param contentFormat its Content-Format number, {@link MediaTypeRegistry#UNDEFINED} if the message had
	 * none
	 * @return the value
	 * @throws CoapContentFormatNotSupportedException if no converter reads the format as the type
	 * @throws CoapMessageNotReadableException if the payload is malformed
	 */
	public Object read(ResolvableType type, byte[] payload, int contentFormat) {
		CoapMessageConverter reader = findReader(type, contentFormat);
		if (reader == null) {
			String format = (contentFormat == MediaTypeRegistry.UNDEFINED) ? "a payload without Content-Format"
					: "Content-Format " + describe(contentFormat);
			throw new CoapContentFormatNotSupportedException(contentFormat, "Cannot read " + format + " as "
					+ type.toClass().getSimpleName() + "; supported: " + describeAll(readableFormats(type)));
		}
		return reader.read(type, payload, contentFormat);
	}

	/**
	 * Write a value in the first of the acceptable Content-Formats that a converter can produce.
	 * @param value the value
	 * @param type its declared type
	 * @param acceptable the Content-Formats the peer accepts, in preference order; empty for any
	 * @return the payload and its Content-Format
	 * @throws CoapNotAcceptableException if no converter writes the value in an acceptable format
	 */
	public EncodedPayload write(Object value, ResolvableType type, List<Integer> acceptable) {
		ResolvableType valueType = ResolvableType.forInstance(value);
		ResolvableType writeType = (type.resolve() == null || type.resolve() == Object.class) ? valueType : type;
		if (acceptable.isEmpty()) {
			for (CoapMessageConverter converter : this.converters) {
				for (int format : converter.getContentFormats()) {
					if (converter.canWrite(writeType, format)) {
						return new EncodedPayload(converter.write(value, writeType, format), format);
					}
				}
			}
			throw new CoapMessageNotWritableException("No converter writes " + writeType.toClass().getName(), null);
		}
		for (int format : acceptable) {
			for (CoapMessageConverter converter : this.converters) {
				if (converter.canWrite(writeType, format)) {
					return new EncodedPayload(converter.write(value, writeType, format), format);
				}
			}
		}
		throw new CoapNotAcceptableException(acceptable.get(0), "Cannot produce " + describeAll(acceptable)
				+ " for " + writeType.toClass().getSimpleName() + "; available: "
				+ describeAll(writableFormats(writeType)));
	}

	/**
	 * Return every Content-Format some converter writes the type in, in preference order.
	 * @param type the value type
	 * @return the formats
	 */
	public List<Integer> writableFormats(ResolvableType type) {
		Set<Integer> formats = new LinkedHashSet<>();
		for (CoapMessageConverter converter : this.converters) {
			for (int format : converter.getContentFormats()) {
				if (converter.canWrite(type, format)) {
					formats.add(format);
				}
			}
		}
		return new ArrayList<>(formats);
	}

	/**
	 * Return every Content-Format some converter reads as the type, among the converters' own formats.
	 * @param type the target type
	 * @return the formats
	 */
	public List<Integer> readableFormats(ResolvableType type) {
		Set<Integer> formats = new LinkedHashSet<>();
		for (CoapMessageConverter converter : this.converters) {
			for (int format : converter.getContentFormats()) {
				if (converter.canRead(type, format)) {
					formats.add(format);
				}
			}
		}
		return new ArrayList<>(formats);
	}

	private @Nullable CoapMessageConverter findReader(ResolvableType type, int contentFormat) {
		for (CoapMessageConverter converter : this.converters) {
			if (converter.canRead(type, contentFormat)) {
				return converter;
			}
		}
		return null;
	}

	private String describe(int format) {
		String name = this.contentFormats.name(format);
		return name.equals(String.valueOf(format)) ? name : format + " (" + name + ")";
	}

	private String describeAll(List<Integer> formats) {
		List<String> names = new ArrayList<>(formats.size());
		for (int format : formats) {
			names.add(describe(format));
		}
		return String.join(", ", names);
	}

}
