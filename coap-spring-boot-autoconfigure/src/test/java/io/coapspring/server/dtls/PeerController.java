package io.coapspring.server.dtls;

import java.security.Principal;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.security.CoapPeerIdentity;
import io.coapspring.server.invocation.CoapRequest;

/**
 * Answers with the peer identity as handler method arguments receive it.
 */
@CoapController
class PeerController {

	@CoapGetMapping("/peer")
	String peer(CoapPeerIdentity peer, Principal principal, CoapRequest request) {
		return peer.getType() + " " + principal.getName() + " secure=" + request.isSecure() + " same="
				+ peer.equals(request.getPeerIdentity()) + " key=" + (peer.getPublicKey() != null) + " chain="
				+ peer.getCertificates().size();
	}

}
