package io.coapspring.security.authentication;

import java.util.Optional;

import io.coapspring.server.invocation.CoapAuthenticationRequiredException;
import io.coapspring.server.invocation.CoapHandlerMethodArgumentResolver;
import io.coapspring.server.invocation.CoapRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.Assert;

/**
 * Resolves handler method parameters of type {@link Authentication} (or a subtype, such as
 * {@link CoapPeerAuthenticationToken}) to the authentication of the {@code SecurityContext} the
 * {@link CoapSecurityContextInterceptor} set up. An anonymous request (over plain UDP) has none: a
 * {@code @Nullable} or {@code Optional} parameter is then {@code null} or empty, and a required one is
 * answered with 4.01 Unauthorized.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapAuthenticationArgumentResolver implements CoapHandlerMethodArgumentResolver {

	private final SecurityContextHolderStrategy securityContextHolderStrategy;

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	/**
	 * Create a resolver.
	 * @param securityContextHolderStrategy holds the context of the handler thread
	 */
	public CoapAuthenticationArgumentResolver(SecurityContextHolderStrategy securityContextHolderStrategy) {
		Assert.notNull(securityContextHolderStrategy, "'securityContextHolderStrategy' must not be null");
		this.securityContextHolderStrategy = securityContextHolderStrategy;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Authentication.class.isAssignableFrom(parameter.nestedIfOptional().getNestedParameterType());
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, CoapRequest request) {
		Class<?> type = parameter.nestedIfOptional().getNestedParameterType();
		Authentication authentication = this.securityContextHolderStrategy.getContext().getAuthentication();
		if (authentication == null || this.trustResolver.isAnonymous(authentication)
				|| !type.isInstance(authentication)) {
			authentication = null;
		}
		if (parameter.getParameterType() == Optional.class) {
			return Optional.ofNullable(authentication);
		}
		if (authentication == null && !parameter.isOptional()) {
			throw new CoapAuthenticationRequiredException();
		}
		return authentication;
	}

}
