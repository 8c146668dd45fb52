package io.coapspring.rd.server;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapExceptionHandler;
import io.coapspring.annotation.CoapPostMapping;
import io.coapspring.client.CoapClientResponseException;
import io.coapspring.client.CoapOperations;
import io.coapspring.client.CoapRequestEntity;
import io.coapspring.client.CoapTimeoutException;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.rd.RdUris;
import io.coapspring.server.invocation.CoapRequest;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;

import org.springframework.util.Assert;

/**
 * Simple registration (RFC 9176 section 5.1): {@code POST /.well-known/rd?ep=...} with an empty payload; the
 * directory then reads the sender's {@code /.well-known/core} and registers its links with the sender's address as
 * base, and answers 2.04 once it has.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@CoapController
public class RdSimpleRegistrationController {

	private final DefaultResourceDirectory directory;

	private final CoapOperations client;

	/**
	 * Create the controller.
	 * @param directory the directory
	 * @param client reads the sender's {@code /.well-known/core}
	 */
	public RdSimpleRegistrationController(DefaultResourceDirectory directory, CoapOperations client) {
		Assert.notNull(directory, "'directory' must not be null");
		Assert.notNull(client, "'client' must not be null");
		this.directory = directory;
		this.client = client;
	}

	/**
	 * Register the sender with the links of its {@code /.well-known/core}.
	 * @param request the request, with {@code ep} and optionally {@code d}, {@code lt}, {@code et}
	 * @return 2.04 once registered
	 */
	@CoapPostMapping(path = "/.well-known/rd", discoverable = false)
	public CompletableFuture<CoapResponseEntity<String>> register(CoapRequest request) {
		List<String> query = request.unwrap().getOptions().getUriQuery();
		for (String item : query) {
			if (item.equals("base") || item.startsWith("base=")) {
				throw new RdException(ResponseCode.BAD_REQUEST, "'base' is not allowed in a simple registration");
			}
		}
		if (request.getPayload().length > 0) {
			throw new RdException(ResponseCode.BAD_REQUEST, "A simple registration has an empty payload");
		}
		RdPeer peer = RdRequests.peer(request);
		this.directory.checkAuthenticationPolicy(peer);
		URI wellKnownCore = RdUris.of(peer.secure() ? "coaps" : "coap", peer.address()).resolve("/.well-known/core");
		CoapRequestEntity<Void> get = CoapRequestEntity.get(wellKnownCore)
			.accept(MediaTypeRegistry.APPLICATION_LINK_FORMAT)
			.build();
		return this.client.exchangeAsync(get, byte[].class).handle((response, failure) -> {
			if (failure != null) {
				return refused(fetchFailure(wellKnownCore, failure));
			}
			byte[] links = response.getBody();
			try {
				this.directory.register(query, (links != null) ? links : new byte[0], peer);
			}
			catch (RdException ex) {
				return refused(ex);
			}
			return CoapResponseEntity.changed().<String>build();
		});
	}

	private static RdException fetchFailure(URI uri, Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		if (cause instanceof CoapTimeoutException) {
			return new RdException(ResponseCode.GATEWAY_TIMEOUT, "No answer from " + uri);
		}
		if (cause instanceof CoapClientResponseException response) {
			return new RdException(ResponseCode.BAD_GATEWAY, uri + " answered " + response.getCode());
		}
		return new RdException(ResponseCode.BAD_GATEWAY, "Cannot read " + uri + ": " + cause.getMessage());
	}

	/**
	 * Answer a refused request.
	 * @param ex the reason
	 * @return the code and diagnostic
	 */
	@CoapExceptionHandler
	public CoapResponseEntity<String> refused(RdException ex) {
		return RdResponses.of(ex, this.directory.getLimits().maxRegistrationSize());
	}

}
