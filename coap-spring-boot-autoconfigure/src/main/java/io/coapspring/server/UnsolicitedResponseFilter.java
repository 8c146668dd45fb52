package io.coapspring.server;

import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;

/**
 * Drops inbound responses on a server endpoint that has never sent a request, before Californium's matcher
 * sees them: such responses can only be forged or stray.
 * <p>
 * Californium 3.14 checks a CON or NON response whose token matches nothing against its deduplicator by
 * message ID and peer. A peer that sends a request and then a "response" with the same message ID makes the
 * matcher hand the server-side exchange of its request to the response path, which throws
 * ({@code startTransmissionRtt must be called before!}) and logs a stack trace for every such datagram. On an
 * endpoint that never sent a request there is nothing a response could answer, so dropping it changes
 * nothing else; once the endpoint sends a request (for instance a server that also acts as a client), all
 * responses pass as before.
 * <p>
 * Found by the project's hostile-datagram robustness test.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class UnsolicitedResponseFilter extends MessageInterceptorAdapter {

	private volatile boolean requestSent;

	@Override
	public void sendRequest(Request request) {
		this.requestSent = true;
	}

	@Override
	public void receiveResponse(Response response) {
		if (!this.requestSent) {
			response.setCanceled(true);
		}
	}

}
