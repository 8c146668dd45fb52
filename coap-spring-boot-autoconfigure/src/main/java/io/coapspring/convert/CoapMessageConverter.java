package io.coapspring.convert;

import java.util.List;

import org.springframework.core.ResolvableType;

/**
 * Converts CoAP payloads of given Content-Formats (RFC 7252 section 12.3 numbers) to and from Java objects:
 * the CoAP counterpart of Spring's {@code HttpMessageConverter}, shared by the server's handler methods and
 * the {@code CoapTemplate} client.
 * <p>
 * Converter beans in the application context are consulted before the built-in ones, in
 * {@link org.springframework.core.annotation.Order @Order}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public interface CoapMessageConverter {

	/**
	 * Return the Content-Formats this converter writes by preference, the first being its default.
	 * @return the Content-Format numbers, never empty
	 */
	List<Integer> getContentFormats();

	/**
	 * Return whether a payload of the given Content-Format can be read as the given type.
	 * @param type the target type
	 * @param contentFormat the payload's Content-Format number
	 * @return {@code true} if {@link #read} can be called
	 */
	boolean canRead(ResolvableType type, int contentFormat);

	/**
	 * Return whether a value of the given type can be written in the given Content-Format.
	 * @param type the type of the value
	 * @param contentFormat the Content-Format number to produce
	 * @return {@code true} if {@link #write} can be called
	 */
	boolean canWrite(ResolvableType type, int contentFormat);

	/**
	 * Read a payload.
	 * @param type the target type
	 * @param payload the payload, empty if the message had none
	 * @param contentFormat the payload's Content-Format number
	 * @return the converted value
	 * @throws CoapMessageNotReadableException if the payload cannot be parsed as the type
	 */
	Object read(ResolvableType type, byte[] payload, int contentFormat);

	/**
	 * Write a value.
	 * @param value the value
	 * @param type the type of the value
	 * @param contentFormat the Content-Format number to produce
	 * @return the payload
	 * @throws CoapMessageNotWritableException if the value cannot be written
	 */
	byte[] write(Object value, ResolvableType type, int contentFormat);

}
