package io.coapspring.proxy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.OptionNumberRegistry;
import org.eclipse.californium.core.coap.option.StandardOptionRegistry;

import org.springframework.util.Assert;

/**
 * A request to forward: its method, its target, the end-to-end options to forward (without the Uri-*,
 * Proxy-*, Block and Observe options, which the proxy rebuilds or handles per hop) and its payload.
 *
 * @param method the method
 * @param target the resource the request is for
 * @param confirmable whether the request is sent as CON
 * @param options the options to forward, in option number order
 * @param payload the payload, empty for none
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record ProxyRequest(Code method, ProxyTarget target, boolean confirmable, List<Option> options,
		byte[] payload) {

	/**
	 * Validate and copy the components.
	 */
	public ProxyRequest {
		Assert.notNull(method, "'method' must not be null");
		Assert.notNull(target, "'target' must not be null");
		Assert.notNull(options, "'options' must not be null");
		Assert.notNull(payload, "'payload' must not be null");
		options = List.copyOf(options);
	}

	/**
	 * Return the values of the options with the given number.
	 * @param number the option number
	 * @return the values, in order
	 */
	public List<byte[]> values(int number) {
		List<byte[]> values = new ArrayList<>();
		for (Option option : this.options) {
			if (option.getNumber() == number) {
				values.add(option.getValue());
			}
		}
		return values;
	}

	/**
	 * Return whether an option with the given number is present.
	 * @param number the option number
	 * @return {@code true} if present
	 */
	public boolean has(int number) {
		return this.options.stream().anyMatch((option) -> option.getNumber() == number);
	}

	/**
	 * Return the ETags of the request, the representations the client already has.
	 * @return the ETags
	 */
	public List<byte[]> etags() {
		return values(OptionNumberRegistry.ETAG);
	}

	/**
	 * Return whether the request carries the given ETag.
	 * @param etag the ETag
	 * @return {@code true} if one of its ETag options has this value
	 */
	public boolean hasETag(byte[] etag) {
		return etags().stream().anyMatch((value) -> Arrays.equals(value, etag));
	}

	/**
	 * Return a copy of this request with one more ETag option, to validate a stored response.
	 * @param etag the ETag to add
	 * @return the request to send
	 */
	public ProxyRequest withETag(byte[] etag) {
		if (hasETag(etag)) {
			return this;
		}
		List<Option> options = new ArrayList<>(this.options);
		options.add(new Option(StandardOptionRegistry.ETAG, etag));
		options.sort(null);
		return new ProxyRequest(this.method, this.target, this.confirmable, options, this.payload);
	}

	/**
	 * Describe the request for diagnostics.
	 * @return the method and target
	 */
	public String describe() {
		return this.method + " " + this.target;
	}

}
