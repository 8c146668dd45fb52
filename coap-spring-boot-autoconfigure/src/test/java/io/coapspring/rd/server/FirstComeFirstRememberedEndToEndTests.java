package io.coapspring.rd.server;

import java.time.Duration;
import java.util.List;

import io.coapspring.rd.RdTestNode;
import io.coapspring.rd.ResourceDirectory;
import io.coapspring.server.context.LocalCoapPort;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code coap.rd.server.unauthenticated=first-come-first-remembered} over real UDP, with two hosts (127.0.0.1 and
 * 127.0.0.2): a name belongs to the address that registered it while its registration lives, and is forgotten
 * when the registration ends, by expiry or removal, so that another host may take it afterwards.
 */
@SpringBootTest(classes = FirstComeFirstRememberedEndToEndTests.RdApplication.class,
		properties = { "coap.server.port=0", "coap.rd.server.enabled=true",
				"coap.rd.server.unauthenticated=first-come-first-remembered", "coap.rd.server.min-lifetime=1s",
				"coap.rd.server.expiry-interval=200ms", "spring.main.banner-mode=off" })
class FirstComeFirstRememberedEndToEndTests {

	@LocalCoapPort
	int port;

	@Autowired
	ResourceDirectory directory;

	private final RdTestNode first = new RdTestNode("127.0.0.1");

	private final RdTestNode second = new RdTestNode("127.0.0.2");

	@AfterEach
	void stop() {
		this.first.close();
		this.second.close();
	}

	private String uri(String path) {
		return "coap://127.0.0.1:" + this.port + path;
	}

	private Response register(RdTestNode node, String lifetime) {
		return node.send(Code.POST, uri("/rd"), List.of("ep=fcfr-node", "lt=" + lifetime), "</temp>;rt=\"t\"");
	}

	@Test
	void aNameIsForgottenWhenItsRegistrationExpiresOrIsRemoved() {
		Response created = register(this.first, "1");
		assertThat(created.getCode()).isEqualTo(ResponseCode.CREATED);
		String firstLocation = "/" + created.getOptions().getLocationPathString();
		Response refused = register(this.second, "60");
		assertThat(refused.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
		assertThat(refused.getPayloadString()).contains("registered from another address");

		// the 1 s lifetime ends without a refresh: the sweep removes the registration, and the name with it
		await().atMost(Duration.ofSeconds(10)).until(() -> this.directory.findEndpoint("fcfr-node", null).isEmpty());
		Response taken = register(this.second, "60");
		assertThat(taken.getCode()).isEqualTo(ResponseCode.CREATED);
		String secondLocation = "/" + taken.getOptions().getLocationPathString();
		assertThat(this.directory.findEndpoint("fcfr-node", null))
			.hasValueSatisfying((registration) -> assertThat(registration.ownerAddress()).isEqualTo("127.0.0.2"));
		assertThat(register(this.first, "60").getCode()).isEqualTo(ResponseCode.FORBIDDEN);
		assertThat(this.first.send(Code.DELETE, uri(secondLocation), List.of(), "").getCode())
			.isEqualTo(ResponseCode.FORBIDDEN);
		assertThat(this.first.send(Code.POST, uri(firstLocation), List.of(), "").getCode())
			.isEqualTo(ResponseCode.NOT_FOUND);

		// removed by its holder: the first host may take the name back
		assertThat(this.second.send(Code.DELETE, uri(secondLocation), List.of(), "").getCode())
			.isEqualTo(ResponseCode.DELETED);
		assertThat(register(this.first, "60").getCode()).isEqualTo(ResponseCode.CREATED);
		assertThat(this.directory.findEndpoint("fcfr-node", null))
			.hasValueSatisfying((registration) -> assertThat(registration.ownerAddress()).isEqualTo("127.0.0.1"));
		assertThat(register(this.second, "60").getCode()).isEqualTo(ResponseCode.FORBIDDEN);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class RdApplication {

	}

}
