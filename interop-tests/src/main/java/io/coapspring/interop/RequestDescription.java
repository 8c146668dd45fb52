package io.coapspring.interop;

import io.coapspring.server.invocation.CoapRequest;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Token;

/**
 * Describes a request in a few lines of text, as the plugtest servers do, so that a client shows what the
 * server received.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
final class RequestDescription {

	private RequestDescription() {
	}

	static String of(CoapRequest request) {
		Request message = request.unwrap();
		StringBuilder text = new StringBuilder();
		text.append("Type: ").append(message.getType()).append('\n');
		text.append("Code: ").append(message.getCode()).append('\n');
		text.append("MID: ").append(message.getMID()).append('\n');
		Token token = message.getToken();
		text.append("Token: ").append((token == null || token.isEmpty()) ? "empty" : token.getAsString());
		if (!request.getQuery().isEmpty()) {
			text.append('\n').append("Query: ").append(request.getQuery());
		}
		return text.toString();
	}

}
