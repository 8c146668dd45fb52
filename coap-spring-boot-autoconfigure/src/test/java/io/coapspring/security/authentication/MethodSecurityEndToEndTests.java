package io.coapspring.security.authentication;

import io.coapspring.client.CoapClientResponseException;
import io.coapspring.client.CoapTemplate;
import io.coapspring.client.CoapTemplateBuilder;
import io.coapspring.server.context.LocalCoapDtlsPort;
import io.coapspring.server.context.LocalCoapPort;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code @PreAuthorize} and {@code @Secured} on {@code @CoapController} methods, over DTLS with PSK identities
 * whose authorities come from a {@link CoapAuthoritiesMapper}, and over plain UDP without identity. One handler
 * thread, so that a request's context could leak into the next one if it were not cleared.
 */
@SpringBootTest(classes = SecuredApplication.class,
		properties = { "coap.server.address=127.0.0.1", "coap.server.port=0", "coap.server.dtls.enabled=true",
				"coap.server.dtls.port=0", "coap.server.dtls.psk.identities.admin-1=admin-secret",
				"coap.server.dtls.psk.identities.sensor-1=sensor-secret",
				"coap.server.dtls.psk.identities.guest-1=guest-secret", "coap.server.executor.max-threads=1",
				"coap.client.timeout=5s" })
class MethodSecurityEndToEndTests {

	@LocalCoapPort
	int port;

	@LocalCoapDtlsPort
	int dtlsPort;

	@Autowired
	ObjectProvider<CoapTemplateBuilder> builders;

	@Autowired
	SecurityContextProbe probe;

	CoapTemplate admin;

	CoapTemplate sensor;

	CoapTemplate guest;

	CoapTemplate plain;

	@BeforeEach
	void templates() {
		this.admin = this.builders.getObject().baseUri(secure()).pskIdentity("admin-1", "admin-secret").build();
		this.sensor = this.builders.getObject().baseUri(secure()).pskIdentity("sensor-1", "sensor-secret").build();
		this.guest = this.builders.getObject().baseUri(secure()).pskIdentity("guest-1", "guest-secret").build();
		this.plain = this.builders.getObject().baseUri("coap://127.0.0.1:" + this.port).build();
	}

	private String secure() {
		return "coaps://127.0.0.1:" + this.dtlsPort;
	}

	@Test
	void preAuthorizeAllowsAPeerWithTheRole() {
		assertThat(this.admin.getForObject("/secured/admin", String.class)).isEqualTo("admin admin-1");
	}

	@Test
	void preAuthorizeDeniesAnAuthenticatedPeerWithoutTheRole() {
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> this.sensor.getForObject("/secured/admin", String.class))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
				assertThat(ex.getResponsePayloadAsString()).isEqualTo("Forbidden");
			});
	}

	@Test
	void preAuthorizeAnswersAPlainRequestUnauthorized() {
		// no identity parameter: method security itself denies the anonymous request
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> this.plain.getForObject("/secured/devices/sensor-1", String.class))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
				assertThat(ex.getResponsePayloadAsString())
					.isEqualTo("Authentication required: send the request over DTLS (coaps)");
			});
	}

	@Test
	void requiredPrincipalOfASecuredMethodAnswersAPlainRequestUnauthorized() {
		assertThat(code(() -> this.plain.getForObject("/secured/admin", String.class)))
			.isEqualTo(ResponseCode.UNAUTHORIZED);
	}

	@Test
	void securedAllowsAndDenies() {
		assertThat(this.sensor.getForObject("/secured/sensor", String.class))
			.isEqualTo("sensor sensor-1 PRE_SHARED_KEY");
		assertThat(this.admin.getForObject("/secured/sensor", String.class)).isEqualTo("sensor admin-1 PRE_SHARED_KEY");
		assertThat(code(() -> this.guest.getForObject("/secured/sensor", String.class)))
			.isEqualTo(ResponseCode.FORBIDDEN);
		assertThat(code(() -> this.plain.getForObject("/secured/sensor", String.class)))
			.isEqualTo(ResponseCode.UNAUTHORIZED);
	}

	@Test
	void permitAllAdmitsAnonymousPlainRequests() {
		assertThat(this.plain.getForObject("/secured/open", String.class)).isEqualTo("open to anonymous");
		assertThat(this.guest.getForObject("/secured/open", String.class)).isEqualTo("open to guest-1");
	}

	@Test
	void isAuthenticatedNeedsAPeerIdentity() {
		assertThat(this.guest.getForObject("/secured/authenticated", String.class)).isEqualTo("guest-1 []");
		assertThat(this.admin.getForObject("/secured/authenticated", String.class))
			.isEqualTo("admin-1 [ROLE_ADMIN, ROLE_SENSOR]");
		assertThat(code(() -> this.plain.getForObject("/secured/authenticated", String.class)))
			.isEqualTo(ResponseCode.UNAUTHORIZED);
	}

	@Test
	void expressionsSeeParametersAndTheAuthentication() {
		assertThat(this.sensor.getForObject("/secured/devices/sensor-1", String.class)).isEqualTo("own sensor-1");
		assertThat(code(() -> this.sensor.getForObject("/secured/devices/admin-1", String.class)))
			.isEqualTo(ResponseCode.FORBIDDEN);
	}

	@Test
	void packagePrivateHandlerMethodsAreSecuredToo() {
		assertThat(this.admin.getForObject("/secured/package-private", String.class)).isEqualTo("package-private");
		assertThat(code(() -> this.sensor.getForObject("/secured/package-private", String.class)))
			.isEqualTo(ResponseCode.FORBIDDEN);
	}

	@Test
	void exceptionHandlerOfTheControllerTakesPrecedence() {
		assertThat(this.admin.getForObject("/hidden", String.class)).isEqualTo("hidden");
		assertThat(code(() -> this.sensor.getForObject("/hidden", String.class))).isEqualTo(ResponseCode.NOT_FOUND);
	}

	@Test
	void contextHoldsThePeerAndIsClearedAfterTheHandler() {
		this.probe.before.clear();
		this.probe.after.clear();
		assertThat(this.admin.getForObject("/secured/context", String.class)).isEqualTo(
				"CoapPeerAuthenticationToken admin-1 [ROLE_ADMIN, ROLE_SENSOR] peer=CoapPeerIdentity[PRE_SHARED_KEY admin-1]");
		assertThat(this.plain.getForObject("/secured/context", String.class))
			.isEqualTo("AnonymousAuthenticationToken anonymousUser [ROLE_ANONYMOUS] peer=null");
		assertThat(this.probe.before).hasSize(2).containsOnlyNulls();
		assertThat(this.probe.after).hasSize(2).containsOnlyNulls();
	}

	private static ResponseCode code(Runnable request) {
		try {
			request.run();
		}
		catch (CoapClientResponseException ex) {
			return ex.getCode();
		}
		throw new AssertionError("the request succeeded");
	}

}
