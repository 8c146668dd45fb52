package io.coapspring.test.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

import io.coapspring.convert.CoapMessageConverters;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Response;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;
import org.springframework.util.ObjectUtils;

/**
 * A response received by a {@link CoapTestClient}, or one notification of an observation, with fluent
 * expectations. Each {@code expect...} method throws an {@link AssertionError} that describes the request and
 * the response when the expectation fails, and returns this response otherwise.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapTestResponse {

	private final Response response;

	private final CoapMessageConverters converters;

	private final String request;

	CoapTestResponse(Response response, CoapMessageConverters converters, String request) {
		this.response = response;
		this.converters = converters;
		this.request = request;
	}

	/**
	 * Expect a response code.
	 * @param code the expected code, for instance {@code ResponseCode.CONTENT}
	 * @return this response
	 */
	public CoapTestResponse expectCode(ResponseCode code) {
		Assert.notNull(code, "'code' must not be null");
		if (this.response.getCode() != code) {
			fail("code", describe(code), describe(this.response.getCode()));
		}
		return this;
	}

	/**
	 * Expect a message type.
	 * @param type the expected type: {@code ACK} for a piggybacked response, {@code CON} or {@code NON} for a
	 * separate response or a notification
	 * @return this response
	 */
	public CoapTestResponse expectType(Type type) {
		if (this.response.getType() != type) {
			fail("message type", type, this.response.getType());
		}
		return this;
	}

	/**
	 * Expect a Content-Format.
	 * @param contentFormat the expected Content-Format number, for instance
	 * {@code MediaTypeRegistry.APPLICATION_JSON}
	 * @return this response
	 */
	public CoapTestResponse expectContentFormat(int contentFormat) {
		if (getContentFormat() != contentFormat) {
			fail("Content-Format", describe(contentFormat), describe(getContentFormat()));
		}
		return this;
	}

	/**
	 * Expect a Content-Format.
	 * @param mediaType the expected media type, such as {@code application/json}
	 * @return this response
	 */
	public CoapTestResponse expectContentFormat(String mediaType) {
		return expectContentFormat(this.converters.getContentFormats().resolve(mediaType));
	}

	/**
	 * Expect a payload, as UTF-8 text.
	 * @param text the expected text
	 * @return this response
	 */
	public CoapTestResponse expectPayload(String text) {
		if (!text.equals(getPayloadText())) {
			fail("payload", "\"" + text + "\"", "\"" + getPayloadText() + "\"");
		}
		return this;
	}

	/**
	 * Expect a payload, byte for byte.
	 * @param bytes the expected bytes
	 * @return this response
	 */
	public CoapTestResponse expectPayload(byte[] bytes) {
		if (!Arrays.equals(bytes, getPayload())) {
			fail("payload", Arrays.toString(bytes), Arrays.toString(getPayload()));
		}
		return this;
	}

	/**
	 * Expect a payload that the application's converters read, by its Content-Format, as a value equal to the
	 * given one.
	 * @param <T> the type
	 * @param type the type to read
	 * @param expected the expected value
	 * @return this response
	 */
	public <T> CoapTestResponse expectPayload(Class<T> type, T expected) {
		T actual = getPayload(type);
		if (!ObjectUtils.nullSafeEquals(expected, actual)) {
			fail("payload", expected, actual);
		}
		return this;
	}

	/**
	 * Check the payload read as a type with assertions of your own, AssertJ's for instance.
	 * @param <T> the type
	 * @param type the type to read
	 * @param assertions the assertions
	 * @return this response
	 */
	public <T> CoapTestResponse expectPayloadSatisfies(Class<T> type, Consumer<? super T> assertions) {
		assertions.accept(getPayload(type));
		return this;
	}

	/**
	 * Expect the response to have no payload.
	 * @return this response
	 */
	public CoapTestResponse expectNoPayload() {
		if (this.response.getPayloadSize() > 0) {
			fail("payload", "none", "\"" + getPayloadText() + "\"");
		}
		return this;
	}

	/**
	 * Expect a Max-Age option.
	 * @param seconds the expected value
	 * @return this response
	 */
	public CoapTestResponse expectMaxAge(long seconds) {
		OptionSet options = this.response.getOptions();
		Long actual = options.hasMaxAge() ? options.getMaxAge() : null;
		if (actual == null || actual != seconds) {
			fail("Max-Age", seconds, actual);
		}
		return this;
	}

	/**
	 * Expect a Location-Path, as a response to a POST that created a resource carries.
	 * @param path the expected path, segments joined with {@code /}, without a leading {@code /}
	 * @return this response
	 */
	public CoapTestResponse expectLocationPath(String path) {
		String actual = this.response.getOptions().getLocationPathString();
		if (!path.equals(actual)) {
			fail("Location-Path", path, actual);
		}
		return this;
	}

	/**
	 * Expect the response to carry the Observe option, as a notification does.
	 * @return this response
	 */
	public CoapTestResponse expectObserve() {
		if (!this.response.getOptions().hasObserve()) {
			fail("Observe option", "present", "absent");
		}
		return this;
	}

	/**
	 * Return the response code.
	 * @return the code
	 */
	public ResponseCode getCode() {
		return this.response.getCode();
	}

	/**
	 * Return the Content-Format.
	 * @return the Content-Format number, -1 if the response has none
	 */
	public int getContentFormat() {
		OptionSet options = this.response.getOptions();
		return options.hasContentFormat() ? options.getContentFormat() : -1;
	}

	/**
	 * Return the payload.
	 * @return the bytes, empty if there is none
	 */
	public byte[] getPayload() {
		byte[] payload = this.response.getPayload();
		return (payload != null) ? payload : new byte[0];
	}

	/**
	 * Return the payload as UTF-8 text.
	 * @return the text, empty if there is no payload
	 */
	public String getPayloadText() {
		return new String(getPayload(), StandardCharsets.UTF_8);
	}

	/**
	 * Return the payload read by the application's converters, by its Content-Format.
	 * @param <T> the type
	 * @param type the type to read
	 * @return the value, or {@code null} if the response has no payload
	 */
	public <T> @Nullable T getPayload(Class<T> type) {
		if (this.response.getPayloadSize() == 0) {
			return null;
		}
		int format = getContentFormat();
		Object value = this.converters.read(ResolvableType.forClass(type), getPayload(),
				(format >= 0) ? format : MediaTypeRegistry.UNDEFINED);
		return type.cast(value);
	}

	/**
	 * Return the Californium response, to check what this class has no method for.
	 * @return the response
	 */
	public Response getResponse() {
		return this.response;
	}

	private static String describe(ResponseCode code) {
		return code.text + " " + code.name();
	}

	private String describe(int contentFormat) {
		return (contentFormat < 0) ? "none"
				: contentFormat + " (" + this.converters.getContentFormats().name(contentFormat) + ")";
	}

	private void fail(String what, @Nullable Object expected, @Nullable Object actual) {
		throw new AssertionError("CoAP " + this.request + ": " + what + " expected:<" + expected + "> but was:<"
				+ actual + ">; response " + describe(this.response.getCode())
				+ ((this.response.getPayloadSize() > 0) ? " \"" + abbreviate(getPayloadText()) + "\"" : ""));
	}

	private static String abbreviate(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
	}

	@Override
	public String toString() {
		return describe(this.response.getCode()) + " " + getPayloadText();
	}

}
