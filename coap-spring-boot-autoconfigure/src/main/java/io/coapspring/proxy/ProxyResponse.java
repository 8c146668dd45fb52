package io.coapspring.proxy;

import java.nio.charset.StandardCharsets;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Response;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The response to a forwarded request, from the destination or from the proxy itself: its code, its
 * end-to-end options (without Block and Observe options) and its payload.
 *
 * @param code the response code
 * @param options the options
 * @param payload the payload, empty for none
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record ProxyResponse(ResponseCode code, OptionSet options, byte[] payload) {

	/**
	 * Validate the components.
	 */
	public ProxyResponse {
		Assert.notNull(code, "'code' must not be null");
		Assert.notNull(options, "'options' must not be null");
		Assert.notNull(payload, "'payload' must not be null");
	}

	/**
	 * Create a response of the proxy itself, with a text diagnostic.
	 * @param code the code
	 * @param diagnostic the diagnostic payload
	 * @return the response
	 */
	public static ProxyResponse of(ResponseCode code, String diagnostic) {
		OptionSet options = new OptionSet();
		if (!diagnostic.isEmpty()) {
			options.setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
		}
		return new ProxyResponse(code, options, diagnostic.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Copy the end-to-end part of a Californium response.
	 * @param response the response received from a destination
	 * @return the response to relay
	 */
	public static ProxyResponse from(Response response) {
		OptionSet options = new OptionSet(response.getOptions());
		options.removeBlock1();
		options.removeBlock2();
		options.removeSize1();
		options.removeSize2();
		options.removeObserve();
		return new ProxyResponse(response.getCode(), options, response.getPayload());
	}

	/**
	 * Create the Californium response to send to the client.
	 * @return a new response
	 */
	public Response toResponse() {
		Response response = new Response(this.code);
		response.setOptions(new OptionSet(this.options));
		response.setPayload(this.payload);
		return response;
	}

	/**
	 * Return the Max-Age of the response, 60 seconds when the option is absent (RFC 7252 section 5.10.5).
	 * @return the Max-Age in seconds
	 */
	public long maxAge() {
		return this.options.getMaxAge();
	}

	/**
	 * Return the ETag of the response.
	 * @return the first ETag, or {@code null} for none
	 */
	public byte @Nullable [] etag() {
		return this.options.getETagCount() > 0 ? this.options.getETags().get(0) : null;
	}

}
