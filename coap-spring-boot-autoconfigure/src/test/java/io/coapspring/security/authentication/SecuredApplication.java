package io.coapspring.security.authentication;

import java.util.List;
import java.util.Map;

import io.coapspring.server.invocation.CoapHandlerInterceptor;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * The application of the method security tests: {@link SecuredController} behind Spring Security's method
 * security, authorities of the DTLS peers from a {@link CoapAuthoritiesMapper}, and an outermost interceptor
 * that records what the security context holds around each invocation.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity(securedEnabled = true)
class SecuredApplication {

	static final Map<String, List<String>> ROLES = Map.of("admin-1", List.of("ROLE_ADMIN", "ROLE_SENSOR"), "sensor-1",
			List.of("ROLE_SENSOR"));

	@Bean
	CoapAuthoritiesMapper deviceAuthorities() {
		return (peer) -> AuthorityUtils.createAuthorityList(ROLES.getOrDefault(peer.getName(), List.of()));
	}

	@Bean
	SecuredController securedController() {
		return new SecuredController();
	}

	@Bean
	HiddenController hiddenController() {
		return new HiddenController();
	}

	@Bean
	SecurityContextProbe securityContextProbe() {
		return new SecurityContextProbe();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	CoapHandlerInterceptor probeInterceptor(SecurityContextProbe probe) {
		return probe::intercept;
	}

}
