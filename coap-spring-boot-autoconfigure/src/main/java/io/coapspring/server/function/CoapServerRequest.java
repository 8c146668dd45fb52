package io.coapspring.server.function;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.coapspring.annotation.CoapMethod;
import io.coapspring.security.CoapPeerIdentity;
import io.coapspring.server.invocation.CoapPayloadReader;
import io.coapspring.server.invocation.CoapRequest;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.OptionSet;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Conventions;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;

/**
 * A request as a {@link CoapHandlerFunction} sees it, the counterpart of WebMvc.fn's {@code ServerRequest}:
 * method, path and its variables, query, options, peer identity, and the body read through the same
 * {@code CoapMessageConverter}s and validated by the same {@code Validator} as {@code @CoapPayload} parameters.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapServerRequest {

	private final CoapRequest request;

	private final CoapPayloadReader reader;

	/**
	 * Create a request.
	 * @param request the request
	 * @param reader reads and validates the payload
	 */
	public CoapServerRequest(CoapRequest request, CoapPayloadReader reader) {
		Assert.notNull(request, "'request' must not be null");
		Assert.notNull(reader, "'reader' must not be null");
		this.request = request;
		this.reader = reader;
	}

	/**
	 * Return the method.
	 * @return the method
	 */
	public CoapMethod method() {
		return this.request.getMethod();
	}

	/**
	 * Return the path, with a leading {@code /}.
	 * @return the path
	 */
	public String path() {
		return this.request.getPath();
	}

	/**
	 * Return the path pattern that matched the request.
	 * @return the pattern, or {@code null} if none did
	 */
	public @Nullable String pathPattern() {
		return this.request.getPathPattern();
	}

	/**
	 * Return a variable of the path pattern.
	 * @param name the name of the variable
	 * @return the value
	 * @throws IllegalArgumentException if the pattern has no such variable
	 */
	public String pathVariable(String name) {
		String value = this.request.getPathVariables().get(name);
		Assert.isTrue(value != null, () -> "No path variable '" + name + "' in " + pathPattern());
		return value;
	}

	/**
	 * Return the variables of the path pattern.
	 * @return the variables by name
	 */
	public Map<String, String> pathVariables() {
		return this.request.getPathVariables();
	}

	/**
	 * Return the first value of a query parameter ({@code name=value} or {@code name}).
	 * @param name the name
	 * @return the value, empty if the request has no such parameter
	 */
	public Optional<String> param(String name) {
		List<String> values = this.request.getQueryParameters().get(name);
		return (values != null && !values.isEmpty()) ? Optional.of(values.get(0)) : Optional.empty();
	}

	/**
	 * Return the query parameters.
	 * @return the values by name
	 */
	public Map<String, List<String>> params() {
		return this.request.getQueryParameters();
	}

	/**
	 * Return the options.
	 * @return the options, not to be modified
	 */
	public OptionSet options() {
		return this.request.getOptions();
	}

	/**
	 * Return the first option of a number.
	 * @param number the option number
	 * @return the option, empty if the request has none
	 */
	public Optional<Option> option(int number) {
		for (Option option : this.request.getOptions().asSortedList()) {
			if (option.getNumber() == number) {
				return Optional.of(option);
			}
		}
		return Optional.empty();
	}

	/**
	 * Return the Content-Format of the payload.
	 * @return the format, -1 if the request has none
	 */
	public int contentFormat() {
		return this.request.getContentFormat();
	}

	/**
	 * Return the Accept option.
	 * @return the format the client accepts, -1 if the request has none
	 */
	public int accept() {
		return this.request.getAccept();
	}

	/**
	 * Return the address and port of the client.
	 * @return the peer address
	 */
	public InetSocketAddress peerAddress() {
		return this.request.getPeerAddress();
	}

	/**
	 * Return the identity a DTLS handshake authenticated.
	 * @return the identity, empty over plain UDP
	 */
	public Optional<Principal> principal() {
		return Optional.ofNullable(this.request.getPrincipal());
	}

	/**
	 * Return the identity a DTLS handshake authenticated, with its credentials.
	 * @return the identity, empty over plain UDP
	 */
	public Optional<CoapPeerIdentity> peerIdentity() {
		return Optional.ofNullable(this.request.getPeerIdentity());
	}

	/**
	 * Return the raw payload.
	 * @return the payload, empty if the request has none
	 */
	public byte[] payload() {
		return this.request.getPayload();
	}

	/**
	 * Read the payload with the converter of its Content-Format.
	 * @param <T> the type
	 * @param type the type
	 * @return the value
	 * @throws io.coapspring.server.invocation.CoapRequestBindingException if the request has no payload
	 * (answered 4.00)
	 */
	@SuppressWarnings("unchecked")
	public <T> T body(Class<T> type) {
		return (T) this.reader.read(ResolvableType.forClass(type), this.request);
	}

	/**
	 * Read the payload with the converter of its Content-Format, as a generic type.
	 * @param <T> the type
	 * @param type the type
	 * @return the value
	 */
	@SuppressWarnings("unchecked")
	public <T> T body(ParameterizedTypeReference<T> type) {
		return (T) this.reader.read(ResolvableType.forType(type), this.request);
	}

	/**
	 * Read the payload and validate it as a {@code @Valid @CoapPayload} parameter would be.
	 * @param <T> the type
	 * @param type the type
	 * @param groups the validation groups, none for the default group
	 * @return the valid value
	 * @throws io.coapspring.server.invocation.CoapPayloadValidationException if it is not valid (answered 4.00
	 * with the errors)
	 */
	public <T> T validBody(Class<T> type, Object... groups) {
		T value = body(type);
		this.reader.validate(value, Conventions.getVariableName(value), groups);
		return value;
	}

	/**
	 * Return the request as handler methods see it.
	 * @return the request
	 */
	public CoapRequest unwrap() {
		return this.request;
	}

	@Override
	public String toString() {
		return this.request.toString();
	}

}
