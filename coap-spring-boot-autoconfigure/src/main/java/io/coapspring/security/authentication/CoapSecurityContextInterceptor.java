package io.coapspring.security.authentication;

import java.util.List;
import java.util.UUID;

import io.coapspring.security.CoapPeerIdentity;
import io.coapspring.server.invocation.CoapHandlerInterceptor;
import io.coapspring.server.invocation.CoapRequest;
import io.coapspring.server.mapping.CoapHandlerMethod;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.Assert;

/**
 * Runs each handler method with a {@link SecurityContext} that holds the {@link Authentication} of the
 * request's peer, so that method security ({@code @PreAuthorize}, {@code @Secured}) and code that reads the
 * context see who is calling. The context is set on the handler thread before the arguments are resolved and
 * cleared when the method returns.
 * <p>
 * A peer that a DTLS handshake authenticated gets a {@link CoapPeerAuthenticationToken} with the authorities
 * of the {@link CoapAuthoritiesMapper}. A request over plain UDP has no identity: it gets an
 * {@link AnonymousAuthenticationToken} (principal {@code anonymousUser}, authority {@code ROLE_ANONYMOUS}), as
 * Spring Security gives anonymous web requests, so that {@code permitAll()} and {@code isAnonymous()} work and
 * {@code isAuthenticated()} does not.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapSecurityContextInterceptor implements CoapHandlerInterceptor {

	private static final String ANONYMOUS_PRINCIPAL = "anonymousUser";

	private static final String ANONYMOUS_AUTHORITY = "ROLE_ANONYMOUS";

	private final SecurityContextHolderStrategy securityContextHolderStrategy;

	private final CoapAuthoritiesMapper authoritiesMapper;

	private final Authentication anonymous;

	/**
	 * Create an interceptor.
	 * @param securityContextHolderStrategy holds the context of the handler thread
	 * @param authoritiesMapper grants authorities to authenticated peers
	 */
	public CoapSecurityContextInterceptor(SecurityContextHolderStrategy securityContextHolderStrategy,
			CoapAuthoritiesMapper authoritiesMapper) {
		Assert.notNull(securityContextHolderStrategy, "'securityContextHolderStrategy' must not be null");
		Assert.notNull(authoritiesMapper, "'authoritiesMapper' must not be null");
		this.securityContextHolderStrategy = securityContextHolderStrategy;
		this.authoritiesMapper = authoritiesMapper;
		this.anonymous = new AnonymousAuthenticationToken(UUID.randomUUID().toString(), ANONYMOUS_PRINCIPAL,
				List.of(new SimpleGrantedAuthority(ANONYMOUS_AUTHORITY)));
	}

	@Override
	public @Nullable Object intercept(CoapRequest request, CoapHandlerMethod handlerMethod, Invocation invocation)
			throws Exception {
		SecurityContext previous = this.securityContextHolderStrategy.getContext();
		boolean restore = previous.getAuthentication() != null;
		SecurityContext context = this.securityContextHolderStrategy.createEmptyContext();
		context.setAuthentication(authenticate(request));
		this.securityContextHolderStrategy.setContext(context);
		try {
			return invocation.proceed();
		}
		finally {
			if (restore) {
				this.securityContextHolderStrategy.setContext(previous);
			}
			else {
				this.securityContextHolderStrategy.clearContext();
			}
		}
	}

	/**
	 * Return the authentication of a request's peer.
	 * @param request the request
	 * @return a {@link CoapPeerAuthenticationToken}, or an anonymous authentication for a request without peer
	 * identity
	 */
	protected Authentication authenticate(CoapRequest request) {
		CoapPeerIdentity identity = request.getPeerIdentity();
		if (identity == null) {
			return this.anonymous;
		}
		return new CoapPeerAuthenticationToken(identity, this.authoritiesMapper.getAuthorities(identity));
	}

}
