package io.coapspring.security.authentication;

import java.security.Principal;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.security.CoapPeerIdentity;
import io.coapspring.server.invocation.CoapRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Handler methods behind method security.
 */
@CoapController
@CoapMapping("/secured")
public class SecuredController {

	@CoapGetMapping("/admin")
	@PreAuthorize("hasRole('ADMIN')")
	public String admin(Principal principal) {
		return "admin " + principal.getName();
	}

	@CoapGetMapping("/sensor")
	@Secured("ROLE_SENSOR")
	public String sensor(CoapPeerIdentity peer) {
		return "sensor " + peer.getName() + " " + peer.getType();
	}

	@CoapGetMapping("/open")
	@PreAuthorize("permitAll()")
	public String open(@Nullable Principal principal) {
		return "open to " + ((principal != null) ? principal.getName() : "anonymous");
	}

	@CoapGetMapping("/authenticated")
	@PreAuthorize("isAuthenticated()")
	public String authenticated(Authentication authentication) {
		return authentication.getName() + " " + authentication.getAuthorities();
	}

	@CoapGetMapping("/devices/{name}")
	@PreAuthorize("#name == authentication.name")
	public String own(@CoapPathVariable String name) {
		return "own " + name;
	}

	@CoapGetMapping("/package-private")
	@PreAuthorize("hasRole('ADMIN')")
	String packagePrivate() {
		return "package-private";
	}

	@CoapGetMapping("/context")
	public String context(CoapRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication.getClass().getSimpleName() + " " + authentication.getName() + " "
				+ authentication.getAuthorities() + " peer=" + request.getPeerIdentity();
	}

}
