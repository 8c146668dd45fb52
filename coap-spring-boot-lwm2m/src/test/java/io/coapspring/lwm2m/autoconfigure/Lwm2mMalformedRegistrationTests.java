package io.coapspring.lwm2m.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.server.Lwm2mServerLifecycle;
import io.coapspring.lwm2m.test.Lwm2mTestClient;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed registrations from the network get clear 4.xx answers and never take the server down; a real client
 * still registers afterwards.
 */
class Lwm2mMalformedRegistrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(Lwm2mServerAutoConfiguration.class))
		.withPropertyValues("coap.lwm2m.server.address=127.0.0.1", "coap.lwm2m.server.port=0",
				"coap.lwm2m.server.registration.max-lifetime=1d");

	@Test
	void malformedRegistrationsAreRefusedAndTheServerKeepsWorking() {
		this.runner.run((context) -> {
			int port = context.getEnvironment().getRequiredProperty(Lwm2mServerLifecycle.PORT_PROPERTY, Integer.class);
			CoapEndpoint endpoint = CoapEndpoint.builder().setConfiguration(new Configuration()).build();
			CoapClient coap = new CoapClient();
			coap.setEndpoint(endpoint);
			coap.setTimeout(5000L);
			try {
				String base = "coap://127.0.0.1:" + port + "/rd";
				assertThat(register(coap, base + "?lt=60", "</3/0>").getCode()).as("no endpoint name")
					.isEqualTo(ResponseCode.BAD_REQUEST);
				assertThat(register(coap, base + "?ep=bad-links&lt=60", "<<</3/0;;;").getCode()).as("bad links")
					.isEqualTo(ResponseCode.BAD_REQUEST);
				assertThat(register(coap, base + "?ep=bad-lifetime&lt=abc", "</3/0>").getCode())
					.as("lifetime not a number")
					.isEqualTo(ResponseCode.BAD_REQUEST);
				assertThat(register(coap, base + "?ep=absurd&lt=9999999999", "</3/0>").getCode().isClientError())
					.as("absurd lifetime")
					.isTrue();
				CoapResponse unknown = register(coap, base + "?ep=unknown-object&lt=60&lwm2m=1.1&b=U", "</42424/0>");
				assertThat(unknown.getCode())
					.as("an object the server has no model for is still a valid registration: %s", unknown.getResponseText())
					.isEqualTo(ResponseCode.CREATED);
				Lwm2mOperations lwm2m = context.getBean(Lwm2mOperations.class);
				assertThat(lwm2m.getRegistration("absurd")).isEmpty();
				assertThat(lwm2m.getRegistration("bad-links")).isEmpty();
			}
			finally {
				coap.shutdown();
				endpoint.destroy();
			}
			try (Lwm2mTestClient client = Lwm2mTestClient.builder("after-garbage")
				.serverUri("coap://127.0.0.1:" + port)
				.build()) {
				client.start();
				client.awaitRegistered(Duration.ofSeconds(10));
			}
		});
	}

	@Test
	void aFloodOfRegistrationsStopsAtTheBoundWithClearAnswers() {
		this.runner.withPropertyValues("coap.lwm2m.server.registration.max-registrations=5").run((context) -> {
			int port = context.getEnvironment().getRequiredProperty(Lwm2mServerLifecycle.PORT_PROPERTY, Integer.class);
			CoapEndpoint endpoint = CoapEndpoint.builder().setConfiguration(new Configuration()).build();
			CoapClient coap = new CoapClient();
			coap.setEndpoint(endpoint);
			coap.setTimeout(5000L);
			int created = 0;
			int forbidden = 0;
			try {
				for (int i = 0; i < 40; i++) {
					CoapResponse response = register(coap,
							"coap://127.0.0.1:" + port + "/rd?ep=flood-" + i + "&lt=60&lwm2m=1.1&b=U", "</3/0>");
					if (response.getCode() == ResponseCode.CREATED) {
						created++;
					}
					else if (response.getCode() == ResponseCode.FORBIDDEN) {
						forbidden++;
					}
				}
			}
			finally {
				coap.shutdown();
				endpoint.destroy();
			}
			assertThat(created).isEqualTo(5);
			assertThat(forbidden).isEqualTo(35);
			assertThat(context.getBean(Lwm2mOperations.class).getRegistrations()).hasSize(5);
			assertThat(context.getBean(io.coapspring.lwm2m.server.Lwm2mRegistrationLimits.class).getRefusedCount())
				.isEqualTo(35);
		});
	}

	private static CoapResponse register(CoapClient coap, String uri, String links) throws Exception {
		Request request = Request.newPost();
		request.setURI(uri);
		request.setPayload(links.getBytes(StandardCharsets.UTF_8));
		request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_LINK_FORMAT);
		CoapResponse response = coap.advanced(request);
		assertThat(response).as("answer to %s", uri).isNotNull();
		return response;
	}

}
