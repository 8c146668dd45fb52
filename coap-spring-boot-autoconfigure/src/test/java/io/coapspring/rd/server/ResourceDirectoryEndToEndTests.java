package io.coapspring.rd.server;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.coapspring.client.CoapObservation;
import io.coapspring.client.CoapOperations;
import io.coapspring.client.CoapRequestEntity;
import io.coapspring.rd.RdLinkFormat;
import io.coapspring.rd.RdRegisteredEvent;
import io.coapspring.rd.RdRegistrationEvent;
import io.coapspring.rd.RdRemovedEvent;
import io.coapspring.rd.RdTestNode;
import io.coapspring.rd.RdUpdatedEvent;
import io.coapspring.rd.ResourceDirectory;
import io.coapspring.server.context.LocalCoapPort;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Resource Directory server end to end, over real sockets: discovery, registration, update, removal, simple
 * registration, lookups (observable), refusals and events.
 */
@SpringBootTest(classes = ResourceDirectoryEndToEndTests.RdApplication.class,
		properties = { "coap.server.port=0", "coap.rd.server.enabled=true", "coap.rd.server.max-registrations=3",
				"coap.rd.server.max-registration-size=200", "coap.rd.server.retry-after=42s",
				"spring.main.banner-mode=off" })
class ResourceDirectoryEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@LocalCoapPort
	int port;

	@Autowired
	ResourceDirectory directory;

	@Autowired
	DefaultResourceDirectory defaultDirectory;

	@Autowired
	CoapOperations coap;

	@Autowired
	Events events;

	RdTestNode node;

	@BeforeEach
	void start() {
		this.node = new RdTestNode();
		this.events.received.clear();
	}

	@AfterEach
	void stop() {
		this.node.close();
		this.directory.getRegistrations().forEach((registration) -> this.defaultDirectory.remove(registration.location()));
	}

	private String uri(String path) {
		return "coap://127.0.0.1:" + this.port + path;
	}

	@Test
	void theDirectoryIsDiscoverable() {
		Response response = this.node.send(Code.GET, uri("/.well-known/core"), List.of("rt=core.rd*"), "");
		assertThat(response.getPayloadString()).contains("</rd>;ct=40;rt=\"core.rd\"")
			.contains("</rd-lookup/ep>;ct=40;obs;rt=\"core.rd-lookup-ep\"")
			.contains("</rd-lookup/res>;ct=40;obs;rt=\"core.rd-lookup-res\"")
			.doesNotContain("</rd/")
			.doesNotContain(".well-known/rd");
	}

	@Test
	void registersUpdatesLooksUpAndRemoves() {
		Response created = this.node.send(Code.POST, uri("/rd"), List.of("ep=node1", "d=lab", "lt=300", "et=sensor"),
				"</sensors/temp>;rt=\"temperature-c\";ct=0;obs,</sensors/light>;rt=\"light-lux\";if=sensor");
		assertThat(created.getCode()).isEqualTo(ResponseCode.CREATED);
		String location = "/" + created.getOptions().getLocationPathString();
		assertThat(location).startsWith("/rd/");
		String base = "coap://127.0.0.1:" + this.node.getPort();
		await().atMost(WAIT).until(() -> this.events.received.size() == 1);
		assertThat(this.events.received.get(0)).isInstanceOf(RdRegisteredEvent.class);

		Response endpoints = this.node.send(Code.GET, uri("/rd-lookup/ep"), List.of("ep=node1"), "");
		assertThat(endpoints.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_LINK_FORMAT);
		assertThat(endpoints.getPayloadString()).isEqualTo("<" + location
				+ ">;ep=\"node1\";d=\"lab\";et=\"sensor\";base=\"" + base + "\";rt=\"core.rd-ep\"");
		Response resources = this.node.send(Code.GET, uri("/rd-lookup/res"), List.of("rt=temperature-c"), "");
		assertThat(resources.getPayloadString())
			.isEqualTo("<" + base + "/sensors/temp>;rt=\"temperature-c\";ct=\"0\";obs");
		Response read = this.node.send(Code.GET, uri(location), List.of(), "");
		assertThat(read.getPayloadString()).startsWith("</sensors/temp>");

		Response updated = this.node.send(Code.POST, uri(location), List.of("lt=600", "base=coap://node1.example"),
				"");
		assertThat(updated.getCode()).isEqualTo(ResponseCode.CHANGED);
		assertThat(this.directory.getRegistration(location)).hasValueSatisfying((registration) -> {
			assertThat(registration.lifetime()).isEqualTo(Duration.ofSeconds(600));
			assertThat(registration.effectiveBase()).hasToString("coap://node1.example");
		});
		Response relinked = this.node.send(Code.POST, uri(location), List.of(), "</only>;rt=\"x\"");
		assertThat(relinked.getCode()).isEqualTo(ResponseCode.CHANGED);
		assertThat(this.node.send(Code.GET, uri("/rd-lookup/res"), List.of("ep=node1"), "").getPayloadString())
			.isEqualTo("<coap://node1.example/only>;rt=\"x\"");

		Response deleted = this.node.send(Code.DELETE, uri(location), List.of(), "");
		assertThat(deleted.getCode()).isEqualTo(ResponseCode.DELETED);
		assertThat(this.node.send(Code.GET, uri("/rd-lookup/ep"), List.of(), "").getPayloadString()).isEmpty();
		assertThat(this.node.send(Code.POST, uri(location), List.of(), "").getCode())
			.isEqualTo(ResponseCode.NOT_FOUND);
		await().atMost(WAIT).until(() -> this.events.received.size() == 4);
		assertThat(this.events.received.get(1)).isInstanceOf(RdUpdatedEvent.class);
		assertThat(this.events.received.get(3)).isInstanceOf(RdRemovedEvent.class);
	}

	@Test
	void simpleRegistrationReadsTheSendersWellKnownCore() {
		Response response = this.node.send(Code.POST, uri("/.well-known/rd"), List.of("ep=simple1", "lt=120"), "");
		assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
		assertThat(this.directory.findEndpoint("simple1", null)).hasValueSatisfying((registration) -> {
			assertThat(registration.lifetime()).isEqualTo(Duration.ofSeconds(120));
			assertThat(registration.resolvedLinks()).anySatisfy((link) -> assertThat(link.target())
				.isEqualTo("coap://127.0.0.1:" + this.node.getPort() + "/sensors/temp"));
		});
		assertThat(this.node.send(Code.POST, uri("/.well-known/rd"), List.of("ep=simple2", "base=coap://x"), "")
			.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
	}

	@Test
	void badRequestsGetADiagnosticAndStoreNothing() {
		Response malformed = this.node.send(Code.POST, uri("/rd"), List.of("ep=bad"), "</a>;rt=\"unterminated");
		assertThat(malformed.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
		assertThat(malformed.getPayloadString()).contains("Malformed link format");
		Response badEp = this.node.send(Code.POST, uri("/rd"), List.of("ep=a&b"), "</a>");
		assertThat(badEp.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
		assertThat(badEp.getPayloadString()).contains("Invalid 'ep'");
		Response badLt = this.node.send(Code.POST, uri("/rd"), List.of("ep=a", "lt=0"), "</a>");
		assertThat(badLt.getPayloadString()).contains("Invalid 'lt'");
		Request json = new Request(Code.POST);
		json.setURI(uri("/rd?ep=a"));
		json.setPayload("{}");
		json.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
		assertThat(this.node.send(json).getCode()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
		Response tooLarge = this.node.send(Code.POST, uri("/rd"), List.of("ep=a"), "</" + "x".repeat(300) + ">");
		assertThat(tooLarge.getCode()).isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
		assertThat(tooLarge.getOptions().getSize1()).isEqualTo(200);
		assertThat(this.node.send(Code.GET, uri("/rd-lookup/res"), List.of("page=1"), "").getCode())
			.isEqualTo(ResponseCode.BAD_REQUEST);
		assertThat(this.directory.getRegistrations()).isEmpty();
		assertThat(this.events.received).isEmpty();
	}

	@Test
	void aFullDirectoryAnswersServiceUnavailableWithMaxAge() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.node.send(Code.POST, uri("/rd"), List.of("ep=n" + i), "</a>").getCode())
				.isEqualTo(ResponseCode.CREATED);
		}
		Response full = this.node.send(Code.POST, uri("/rd"), List.of("ep=n3"), "</a>");
		assertThat(full.getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
		assertThat(full.getOptions().getMaxAge()).isEqualTo(42);
		assertThat(full.getPayloadString()).contains("full");
	}

	@Test
	void lookupObserversAreToldWhenMatchingRegistrationsAppearAndGo() {
		List<String> notifications = new CopyOnWriteArrayList<>();
		CoapObservation<String> observation = this.coap.observe(
				CoapRequestEntity.get(uri("/rd-lookup/res?rt=temperature-c")).build(), String.class,
				(body) -> notifications.add((body != null) ? body : ""));
		try {
			await().atMost(WAIT).until(() -> notifications.size() == 1);
			assertThat(notifications.get(0)).isEmpty();
			Response created = this.node.send(Code.POST, uri("/rd"), List.of("ep=observed"),
					"</t>;rt=\"temperature-c\"");
			await().atMost(WAIT).until(() -> notifications.get(notifications.size() - 1).contains("/t>"));
			this.node.send(Code.DELETE, uri("/" + created.getOptions().getLocationPathString()), List.of(), "");
			await().atMost(WAIT).until(() -> notifications.get(notifications.size() - 1).isEmpty());
		}
		finally {
			observation.cancel();
		}
	}

	@Test
	void theApplicationQueriesTheDirectoryInProcess() {
		this.node.send(Code.POST, uri("/rd"), List.of("ep=inproc"), "</x>;rt=\"temperature-c\"");
		assertThat(this.directory.lookupResources(io.coapspring.rd.RdQuery.parse("rt=temperature-c")))
			.singleElement()
			.satisfies((link) -> assertThat(RdLinkFormat.write(List.of(link)))
				.isEqualTo("<coap://127.0.0.1:" + this.node.getPort() + "/x>;rt=\"temperature-c\""));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class RdApplication {

		@Bean
		Events events() {
			return new Events();
		}

	}

	static class Events {

		final List<RdRegistrationEvent> received = new CopyOnWriteArrayList<>();

		@EventListener
		void on(RdRegistrationEvent event) {
			this.received.add(event);
		}

	}

}
