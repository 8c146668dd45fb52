package io.coapspring.rd.actuate;

import java.util.List;

import io.coapspring.rd.RdTestNode;
import io.coapspring.rd.ResourceDirectory;
import io.coapspring.server.context.LocalCoapPort;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code rd} actuator endpoint and the Resource Directory's metrics after real registrations over UDP.
 */
@SpringBootTest(classes = RdActuatorTests.DirectoryApplication.class,
		properties = { "coap.server.port=0", "coap.rd.server.enabled=true", "coap.rd.server.max-registrations=2",
				"management.endpoints.web.exposure.include=rd", "spring.main.banner-mode=off" })
class RdActuatorTests {

	@LocalCoapPort
	int port;

	@Autowired
	RdEndpoint endpoint;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ResourceDirectory directory;

	@Test
	void theEndpointAndTheMetersDescribeTheDirectory() {
		try (RdTestNode node = new RdTestNode()) {
			String rd = "coap://127.0.0.1:" + this.port + "/rd";
			Response first = node.send(Code.POST, rd, List.of("ep=one", "d=lab"), "</a>;rt=\"x\",</b>");
			node.send(Code.POST, rd, List.of("ep=two"), "</c>");
			assertThat(node.send(Code.POST, rd, List.of("ep=three"), "</d>").getCode())
				.isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
			String location = "/" + first.getOptions().getLocationPathString();
			String id = location.substring("/rd/".length());

			RdEndpoint.DirectoryDescriptor description = this.endpoint.directory();
			assertThat(description.registrations()).isEqualTo(2);
			assertThat(description.links()).isEqualTo(3);
			assertThat(description.refusedFull()).isEqualTo(1);
			assertThat(description.limits().maxRegistrations()).isEqualTo(2);
			assertThat(description.endpoints()).extracting(RdEndpoint.RegistrationDescriptor::endpoint)
				.containsExactly("one", "two");
			assertThat(description.endpoints().get(0).links()).isNull();
			RdEndpoint.RegistrationDescriptor one = this.endpoint.registration(id);
			assertThat(one.sector()).isEqualTo("lab");
			assertThat(one.base()).isEqualTo("coap://127.0.0.1:" + node.getPort());
			String origin = "coap://127.0.0.1:" + node.getPort();
			assertThat(one.links()).isEqualTo("<" + origin + "/a>;rt=\"x\";anchor=\"" + origin + "/\",<" + origin
					+ "/b>;anchor=\"" + origin + "/\"");
			assertThat(this.endpoint.registration("nothere")).isNull();

			assertThat(this.meters.get("coap.rd.registrations").gauge().value()).isEqualTo(2);
			assertThat(this.meters.get("coap.rd.registrations.max").gauge().value()).isEqualTo(2);
			assertThat(this.meters.get("coap.rd.links").gauge().value()).isEqualTo(3);
			assertThat(this.meters.get("coap.rd.size").gauge().value()).isEqualTo(16 + 4);
			assertThat(this.meters.get("coap.rd.registrations.refused").functionCounter().count()).isEqualTo(1);
			assertThat(this.meters.get("coap.rd.events").tag("type", "registered").counter().count()).isEqualTo(2);

			assertThat(this.endpoint.remove(id)).isTrue();
			assertThat(this.directory.getRegistrations()).hasSize(1);
			await().until(() -> this.meters.get("coap.rd.events").tag("type", "removed").counter().count() == 1);
			assertThat(this.meters.get("coap.rd.registrations").gauge().value()).isEqualTo(1);
			this.directory.getRegistrations().forEach((registration) -> this.endpoint
				.remove(registration.location().substring("/rd/".length())));
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class DirectoryApplication {

	}

}
