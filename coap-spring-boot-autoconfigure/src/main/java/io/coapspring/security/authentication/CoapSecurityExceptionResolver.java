package io.coapspring.security.authentication;

import io.coapspring.server.invocation.CoapAuthenticationRequiredException;
import io.coapspring.server.invocation.CoapExceptionResolver;
import io.coapspring.server.invocation.CoapRequest;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Answers Spring Security's failures as CoAP does: an {@link AuthenticationException} (for instance no
 * {@code Authentication} where method security needs one) with 4.01 Unauthorized, an
 * {@link AccessDeniedException} with 4.03 Forbidden when the peer is authenticated, and with 4.01 Unauthorized
 * when the request has no peer identity (plain UDP), since authenticating may then grant access.
 * <p>
 * The diagnostic payload names the code only, never the rule that denied access. An
 * {@code @CoapExceptionHandler} method for these exceptions takes precedence.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapSecurityExceptionResolver implements CoapExceptionResolver {

	private static final Resolution UNAUTHORIZED = new Resolution(ResponseCode.UNAUTHORIZED,
			CoapAuthenticationRequiredException.DEFAULT_MESSAGE);

	private static final Resolution FORBIDDEN = new Resolution(ResponseCode.FORBIDDEN, "Forbidden");

	@Override
	public @Nullable Resolution resolve(Throwable exception, CoapRequest request) {
		if (exception instanceof AuthenticationException) {
			return UNAUTHORIZED;
		}
		if (exception instanceof AccessDeniedException) {
			return (request.getPeerIdentity() != null) ? FORBIDDEN : UNAUTHORIZED;
		}
		return null;
	}

}
