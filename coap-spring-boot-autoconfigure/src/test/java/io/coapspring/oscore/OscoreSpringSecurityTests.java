package io.coapspring.oscore;

import java.util.List;
import java.util.stream.Collectors;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.autoconfigure.CoapAutoConfiguration;
import io.coapspring.autoconfigure.CoapClientAutoConfiguration;
import io.coapspring.autoconfigure.CoapHandlerAutoConfiguration;
import io.coapspring.autoconfigure.CoapMessageConvertersAutoConfiguration;
import io.coapspring.autoconfigure.CoapOscoreAutoConfiguration;
import io.coapspring.autoconfigure.CoapSecurityAutoConfiguration;
import io.coapspring.autoconfigure.CoapServerAutoConfiguration;
import io.coapspring.oscore.OscoreServerEndToEndTests.Peer;
import io.coapspring.security.CoapPeerIdentity;
import io.coapspring.security.authentication.CoapAuthoritiesMapper;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Spring Security, a request protected with OSCORE runs with a {@code CoapPeerAuthenticationToken} of its
 * OSCORE identity, with the authorities the {@link CoapAuthoritiesMapper} grants.
 */
class OscoreSpringSecurityTests {

	@Test
	void handlerRunsWithTheAuthenticationOfTheOscoreIdentity() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class,
					CoapMessageConvertersAutoConfiguration.class, CoapSecurityAutoConfiguration.class,
					CoapHandlerAutoConfiguration.class, CoapOscoreAutoConfiguration.class,
					CoapServerAutoConfiguration.class, CoapClientAutoConfiguration.class))
			.withUserConfiguration(SecuredConfiguration.class)
			.withPropertyValues("coap.server.port=0", "coap.server.address=127.0.0.1", "coap.oscore.enabled=true",
					"coap.oscore.contexts.client-a.master-secret=" + OscoreServerEndToEndTests.SECRET,
					"coap.oscore.contexts.client-a.master-salt=" + OscoreServerEndToEndTests.SALT,
					"coap.oscore.contexts.client-a.sender-id=01", "coap.oscore.contexts.client-a.recipient-id=0a",
					"coap.oscore.contexts.client-a.id-context=37cb")
			.run((context) -> {
				Peer peer = new Peer(context, OscoreServerEndToEndTests.SECRET);
				assertThat(peer.exchange(Code.GET, "/whoami", null, 0x400).getPayloadString())
					.isEqualTo("37cb:0a [ROLE_VALVE]");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class SecuredConfiguration {

		@Bean
		CoapAuthoritiesMapper oscoreRoles() {
			return (peer) -> (peer.getType() == CoapPeerIdentity.Type.OSCORE)
					? AuthorityUtils.createAuthorityList("ROLE_VALVE") : List.<GrantedAuthority>of();
		}

		@Bean
		WhoAmI whoAmI() {
			return new WhoAmI();
		}

	}

	@CoapController
	static class WhoAmI {

		@CoapGetMapping("/whoami")
		String whoami(Authentication authentication) {
			return authentication.getName() + " " + authentication.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.collect(Collectors.toList());
		}

	}

}
