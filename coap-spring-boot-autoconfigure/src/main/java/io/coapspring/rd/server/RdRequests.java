package io.coapspring.rd.server;

import io.coapspring.security.CoapPeerIdentity;
import io.coapspring.server.invocation.CoapRequest;

/**
 * What the Resource Directory reads from a request.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
final class RdRequests {

	private RdRequests() {
	}

	static RdPeer peer(CoapRequest request) {
		CoapPeerIdentity identity = request.getPeerIdentity();
		return new RdPeer(request.getPeerAddress(), (identity != null) ? identity.getName() : null,
				request.isSecure());
	}

}
