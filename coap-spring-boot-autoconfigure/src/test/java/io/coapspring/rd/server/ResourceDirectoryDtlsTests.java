package io.coapspring.rd.server;

import java.util.List;

import io.coapspring.client.CoapClientResponseException;
import io.coapspring.client.CoapRequestEntity;
import io.coapspring.client.CoapTemplate;
import io.coapspring.client.CoapTemplateBuilder;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.rd.RdRegistration;
import io.coapspring.rd.RdTestNode;
import io.coapspring.rd.ResourceDirectory;
import io.coapspring.server.context.LocalCoapDtlsPort;
import io.coapspring.server.context.LocalCoapPort;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The security policy of RFC 9176 section 8 over DTLS: a name registered by a PSK identity belongs to it; another
 * identity, or a plain UDP peer, can neither replace, update nor remove it.
 */
@SpringBootTest(classes = ResourceDirectoryDtlsTests.DirectoryApplication.class,
		properties = { "coap.server.address=127.0.0.1", "coap.server.port=0", "coap.server.dtls.enabled=true",
				"coap.server.dtls.port=0", "coap.server.dtls.psk.identities.alice=alice-secret",
				"coap.server.dtls.psk.identities.mallory=mallory-secret", "coap.rd.server.enabled=true",
				"spring.main.banner-mode=off" })
class ResourceDirectoryDtlsTests {

	@LocalCoapPort
	int port;

	@LocalCoapDtlsPort
	int dtlsPort;

	@Autowired
	ObjectProvider<CoapTemplateBuilder> builders;

	@Autowired
	ResourceDirectory directory;

	private CoapTemplate as(String identity) {
		return this.builders.getObject().pskIdentity(identity, identity + "-secret").dedicatedEndpoints().build();
	}

	private CoapResponseEntity<String> register(CoapTemplate coap, String query, String links) {
		return coap.exchange(CoapRequestEntity.post("coaps://127.0.0.1:" + this.dtlsPort + "/rd?" + query)
			.contentFormat(MediaTypeRegistry.APPLICATION_LINK_FORMAT)
			.body(links), String.class);
	}

	@Test
	void aNameRegisteredByAnIdentityBelongsToIt() {
		CoapTemplate alice = as("alice");
		CoapTemplate mallory = as("mallory");
		CoapResponseEntity<String> created = register(alice, "ep=thermo&lt=300", "</temp>;rt=\"temperature-c\"");
		assertThat(created.getCode()).isEqualTo(ResponseCode.CREATED);
		String location = "coaps://127.0.0.1:" + this.dtlsPort + "/" + created.getLocationPath();
		RdRegistration registration = this.directory.findEndpoint("thermo", null).orElseThrow();
		assertThat(registration.owner()).isEqualTo("alice");
		assertThat(registration.effectiveBase().getScheme()).isEqualTo("coaps");

		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> register(mallory, "ep=thermo", "</evil>"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.FORBIDDEN))
			.satisfies((ex) -> assertThat(ex.getResponsePayloadAsString()).contains("another identity"));
		assertThatExceptionOfType(CoapClientResponseException.class).isThrownBy(() -> mallory.delete(location))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.FORBIDDEN));
		try (RdTestNode plain = new RdTestNode()) {
			String plainLocation = "coap://127.0.0.1:" + this.port + "/" + created.getLocationPath();
			assertThat(plain.send(Code.DELETE, plainLocation, List.of(), "").getCode())
				.isEqualTo(ResponseCode.FORBIDDEN);
			assertThat(plain.send(Code.POST, plainLocation, List.of(), "</evil>").getCode())
				.isEqualTo(ResponseCode.FORBIDDEN);
			assertThat(plain.send(Code.POST, "coap://127.0.0.1:" + this.port + "/rd", List.of("ep=thermo"), "</evil>")
				.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
		}
		assertThat(this.directory.findEndpoint("thermo", null).orElseThrow().links()).singleElement()
			.satisfies((link) -> assertThat(link.target()).isEqualTo("/temp"));

		alice.delete(location);
		assertThat(this.directory.findEndpoint("thermo", null)).isEmpty();
	}

	@Test
	void anAuthenticatedPeerWithoutEpRegistersUnderItsIdentity() {
		CoapTemplate alice = as("alice");
		CoapResponseEntity<String> created = register(alice, "lt=300", "</a>");
		assertThat(this.directory.findEndpoint("alice", null)).hasValueSatisfying(
				(registration) -> assertThat(registration.owner()).isEqualTo("alice"));
		alice.delete("coaps://127.0.0.1:" + this.dtlsPort + "/" + created.getLocationPath());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class DirectoryApplication {

	}

}
