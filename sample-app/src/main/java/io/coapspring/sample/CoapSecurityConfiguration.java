package io.coapspring.sample;

import io.coapspring.security.authentication.CoapAuthoritiesMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * Method security on CoAP handler methods, with the roles of devices derived from their PSK identities:
 * {@code gateway-*} are gateways, everything else a sensor.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class CoapSecurityConfiguration {

	@Bean
	CoapAuthoritiesMapper deviceRoles() {
		return (peer) -> AuthorityUtils
			.createAuthorityList(peer.getName().startsWith("gateway-") ? "ROLE_GATEWAY" : "ROLE_SENSOR");
	}

}
