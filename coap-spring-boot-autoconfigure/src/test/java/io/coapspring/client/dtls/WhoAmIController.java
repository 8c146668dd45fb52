package io.coapspring.client.dtls;

import java.security.Principal;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import org.jspecify.annotations.Nullable;

/**
 * Answers with the name of the peer a DTLS handshake authenticated.
 */
@CoapController
class WhoAmIController {

	@CoapGetMapping("/whoami")
	String whoami(@Nullable Principal principal) {
		return (principal != null) ? principal.getName() : "anonymous";
	}

}
