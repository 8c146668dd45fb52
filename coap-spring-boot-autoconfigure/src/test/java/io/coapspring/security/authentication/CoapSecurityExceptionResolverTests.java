package io.coapspring.security.authentication;

import java.net.InetSocketAddress;
import java.util.Map;

import io.coapspring.server.invocation.CoapExceptionResolver.Resolution;
import io.coapspring.server.invocation.CoapRequest;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.BadCredentialsException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapSecurityExceptionResolver}.
 */
class CoapSecurityExceptionResolverTests {

	private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40000);

	private final CoapSecurityExceptionResolver resolver = new CoapSecurityExceptionResolver();

	@Test
	void accessDeniedToAnAuthenticatedPeerIsForbidden() {
		Resolution resolution = this.resolver.resolve(new AccessDeniedException("no"), request(true));
		assertThat(resolution).isEqualTo(new Resolution(ResponseCode.FORBIDDEN, "Forbidden"));
	}

	@Test
	void accessDeniedWithoutPeerIdentityIsUnauthorized() {
		Resolution resolution = this.resolver.resolve(new AccessDeniedException("no"), request(false));
		assertThat(resolution).isNotNull();
		assertThat(resolution.code()).isEqualTo(ResponseCode.UNAUTHORIZED);
	}

	@Test
	void authenticationFailuresAreUnauthorizedWithoutRevealingTheirMessage() {
		Resolution missing = this.resolver.resolve(
				new AuthenticationCredentialsNotFoundException("An Authentication object was not found"), request(false));
		Resolution bad = this.resolver.resolve(new BadCredentialsException("bad"), request(true));
		assertThat(missing).isNotNull().isEqualTo(bad);
		assertThat(missing.code()).isEqualTo(ResponseCode.UNAUTHORIZED);
		assertThat(missing.diagnostic()).doesNotContain("Authentication object");
	}

	@Test
	void otherExceptionsAreLeftToOthers() {
		assertThat(this.resolver.resolve(new IllegalStateException(), request(true))).isNull();
	}

	private static CoapRequest request(boolean authenticated) {
		Request request = new Request(Code.GET);
		request.setSourceContext(authenticated
				? new AddressEndpointContext(PEER, new PreSharedKeyIdentity("device-1")) : new AddressEndpointContext(PEER));
		return new CoapRequest(request, Map.of(), "/x");
	}

}
