package io.coapspring.autoconfigure;

import io.coapspring.security.authentication.CoapAuthenticationArgumentResolver;
import io.coapspring.security.authentication.CoapAuthoritiesMapper;
import io.coapspring.security.authentication.CoapSecurityContextInterceptor;
import io.coapspring.security.authentication.CoapSecurityExceptionResolver;
import org.eclipse.californium.core.CoapServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of Spring Security
 * for {@code @CoapController} handler methods, when {@code spring-security-core} is on the classpath: each
 * handler runs with a {@code SecurityContext} holding the {@code Authentication} of the peer a DTLS handshake
 * authenticated (authorities from the {@link CoapAuthoritiesMapper} bean, none by default), so that method
 * security ({@code @PreAuthorize}, {@code @Secured}, enabled by the application with
 * {@code @EnableMethodSecurity}) applies to them; {@code Authentication} parameters are resolved; and access
 * denied is answered with 4.03 Forbidden, a missing authentication with 4.01 Unauthorized.
 * <p>
 * The {@code SecurityContextHolderStrategy} is the application's bean if it defines one, Spring Security's
 * global one otherwise.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(before = CoapHandlerAutoConfiguration.class)
@ConditionalOnClass({ CoapServer.class, SecurityContextHolder.class })
@ConditionalOnBooleanProperty(name = "coap.server.enabled", matchIfMissing = true)
public final class CoapSecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CoapAuthoritiesMapper coapAuthoritiesMapper() {
		return CoapAuthoritiesMapper.none();
	}

	@Bean
	@ConditionalOnMissingBean
	CoapSecurityContextInterceptor coapSecurityContextInterceptor(CoapAuthoritiesMapper coapAuthoritiesMapper,
			ObjectProvider<SecurityContextHolderStrategy> securityContextHolderStrategy) {
		return new CoapSecurityContextInterceptor(strategy(securityContextHolderStrategy), coapAuthoritiesMapper);
	}

	@Bean
	@ConditionalOnMissingBean
	CoapAuthenticationArgumentResolver coapAuthenticationArgumentResolver(
			ObjectProvider<SecurityContextHolderStrategy> securityContextHolderStrategy) {
		return new CoapAuthenticationArgumentResolver(strategy(securityContextHolderStrategy));
	}

	@Bean
	@ConditionalOnMissingBean
	CoapSecurityExceptionResolver coapSecurityExceptionResolver() {
		return new CoapSecurityExceptionResolver();
	}

	private static SecurityContextHolderStrategy strategy(ObjectProvider<SecurityContextHolderStrategy> bean) {
		return bean.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
	}

}
