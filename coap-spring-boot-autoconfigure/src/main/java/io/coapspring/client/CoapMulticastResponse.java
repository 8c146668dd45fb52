package io.coapspring.client;

import java.net.InetSocketAddress;

import io.coapspring.convert.CoapResponseEntity;

import org.springframework.util.Assert;

/**
 * One response to a multicast request, with the address of the node that sent it.
 *
 * @param <T> the body type
 * @param sender the address and port of the responding node
 * @param response the response; an error response has no body
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record CoapMulticastResponse<T>(InetSocketAddress sender, CoapResponseEntity<T> response) {

	/**
	 * Validate the components.
	 */
	public CoapMulticastResponse {
		Assert.notNull(sender, "'sender' must not be null");
		Assert.notNull(response, "'response' must not be null");
	}

}
