package io.coapspring.client.service;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.coapspring.client.CoapRequestEntity;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What the arguments of one call of a declarative client method contribute to its request, filled by
 * {@link CoapServiceArgumentResolver}s.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapRequestValues {

	private @Nullable URI uri;

	private final Map<String, String> uriVariables = new LinkedHashMap<>();

	private final List<Map.Entry<String, String>> queryParams = new ArrayList<>();

	private @Nullable Object payload;

	private final List<CoapRequestEntity.OptionValue> options = new ArrayList<>();

	CoapRequestValues() {
	}

	/**
	 * Replace the URL of the exchange annotations.
	 * @param uri the URI, absolute or relative to the template's base URI; may have {@code {variables}}
	 */
	public void setUri(URI uri) {
		Assert.notNull(uri, "'uri' must not be null");
		this.uri = uri;
	}

	/**
	 * Set the value of a URI variable.
	 * @param name the variable name
	 * @param value the value, encoded when expanded
	 */
	public void setUriVariable(String name, String value) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(value, "'value' must not be null");
		this.uriVariables.put(name, value);
	}

	/**
	 * Add a query argument.
	 * @param name the argument name
	 * @param value the value, encoded
	 */
	public void addQueryParam(String name, String value) {
		Assert.hasText(name, "'name' must not be empty");
		Assert.notNull(value, "'value' must not be null");
		this.queryParams.add(Map.entry(name, value));
	}

	/**
	 * Set the payload.
	 * @param payload the payload, written by the converters
	 */
	public void setPayload(Object payload) {
		Assert.notNull(payload, "'payload' must not be null");
		Assert.state(this.payload == null, "A request has one payload: more than one @CoapPayload parameter");
		this.payload = payload;
	}

	/**
	 * Add an option.
	 * @param option the option by name or number and its value
	 */
	public void addOption(CoapRequestEntity.OptionValue option) {
		Assert.notNull(option, "'option' must not be null");
		this.options.add(option);
	}

	@Nullable URI getUri() {
		return this.uri;
	}

	Map<String, String> getUriVariables() {
		return this.uriVariables;
	}

	List<Map.Entry<String, String>> getQueryParams() {
		return this.queryParams;
	}

	@Nullable Object getPayload() {
		return this.payload;
	}

	List<CoapRequestEntity.OptionValue> getOptions() {
		return this.options;
	}

}
