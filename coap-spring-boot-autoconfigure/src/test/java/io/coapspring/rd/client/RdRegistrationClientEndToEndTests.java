package io.coapspring.rd.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.rd.RdExpiredEvent;
import io.coapspring.rd.RdLink;
import io.coapspring.rd.RdRegisteredEvent;
import io.coapspring.rd.RdRegistration;
import io.coapspring.rd.RdRegistrationEvent;
import io.coapspring.rd.RdRemovedEvent;
import io.coapspring.rd.RdUpdatedEvent;
import io.coapspring.rd.server.DefaultResourceDirectory;
import io.coapspring.server.discovery.CoapLinkInstances;
import io.coapspring.server.discovery.CoapLinksChangedEvent;
import io.coapspring.server.value.CoapResources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application registering itself with a Resource Directory run by another application, over real sockets:
 * registration of its own links from its server's address, refresh before the lifetime ends, registering again
 * after the directory lost it, removal on shutdown, discovery of the registration interface, failures, events and
 * health.
 */
class RdRegistrationClientEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final List<RdRegistrationEvent> directoryEvents = new CopyOnWriteArrayList<>();

	private ConfigurableApplicationContext directoryApplication;

	private ConfigurableApplicationContext node;

	@BeforeEach
	void startDirectory() {
		this.directoryApplication = new SpringApplicationBuilder(DirectoryApplication.class)
			.web(WebApplicationType.NONE)
			.listeners((ApplicationListener<RdRegistrationEvent>) this.directoryEvents::add)
			.run("--coap.server.port=0", "--coap.rd.server.enabled=true", "--coap.rd.server.min-lifetime=1s",
					"--spring.main.banner-mode=off", "--spring.application.name=directory");
	}

	@AfterEach
	void stop() {
		if (this.node != null) {
			this.node.close();
		}
		this.directoryApplication.close();
	}

	private DefaultResourceDirectory directory() {
		return this.directoryApplication.getBean(DefaultResourceDirectory.class);
	}

	private int directoryPort() {
		return Integer.parseInt(this.directoryApplication.getEnvironment().getProperty("local.coap.port"));
	}

	private ConfigurableApplicationContext startNode(String... properties) {
		String[] arguments = new String[properties.length + 4];
		arguments[0] = "--coap.server.port=0";
		arguments[1] = "--coap.rd.client.enabled=true";
		arguments[2] = "--spring.main.banner-mode=off";
		arguments[3] = "--coap.server.endpoint-name=kitchen";
		System.arraycopy(properties, 0, arguments, 4, properties.length);
		this.node = new SpringApplicationBuilder(NodeApplication.class).web(WebApplicationType.NONE).run(arguments);
		return this.node;
	}

	private int nodePort() {
		return Integer.parseInt(this.node.getEnvironment().getProperty("local.coap.port"));
	}

	@Test
	void registersItsOwnLinksFromItsServersAddressRefreshesAndRemovesItselfOnShutdown() {
		startNode("--coap.rd.client.uri=coap://127.0.0.1:" + directoryPort() + "/rd", "--coap.rd.client.lifetime=2",
				"--coap.rd.client.sector=home", "--coap.rd.client.endpoint-types=sensor");
		RdRegistrationClient client = this.node.getBean(RdRegistrationClient.class);
		await().atMost(WAIT).until(() -> client.getState() == RdClientState.REGISTERED);
		RdRegistration registration = directory().findEndpoint("kitchen", "home").orElseThrow();
		assertThat(client.getLocation())
			.hasToString("coap://127.0.0.1:" + directoryPort() + registration.location());
		assertThat(registration.lifetime()).isEqualTo(Duration.ofSeconds(2));
		assertThat(registration.endpointTypes()).containsExactly("sensor");
		assertThat(registration.effectiveBase()).hasToString("coap://127.0.0.1:" + nodePort());
		assertThat(registration.resolvedLinks()).extracting(RdLink::target)
			.containsExactly("coap://127.0.0.1:" + nodePort() + "/temperature");
		assertThat(registration.links().get(0).attributes()).containsEntry("rt", List.of("temperature-c"))
			.doesNotContainKey("ep");
		assertThat(health(client).getStatus()).isEqualTo(Status.UP);
		// refreshed before the 2 s lifetime ends, so it never expires
		await().atMost(WAIT).until(() -> this.directoryEvents.stream().filter(RdUpdatedEvent.class::isInstance).count() >= 3);
		assertThat(this.directoryEvents).noneMatch(RdExpiredEvent.class::isInstance);
		this.node.close();
		this.node = null;
		assertThat(this.directoryEvents.get(this.directoryEvents.size() - 1)).isInstanceOf(RdRemovedEvent.class);
		assertThat(directory().getRegistrations()).isEmpty();
	}

	@Test
	void registersAgainWhenTheDirectoryLostTheRegistration() {
		List<Object> nodeEvents = new CopyOnWriteArrayList<>();
		startNode("--coap.rd.client.uri=coap://127.0.0.1:" + directoryPort() + "/rd", "--coap.rd.client.lifetime=2");
		this.node.addApplicationListener((event) -> nodeEvents.add(event));
		RdRegistrationClient client = this.node.getBean(RdRegistrationClient.class);
		await().atMost(WAIT).until(() -> client.getState() == RdClientState.REGISTERED);
		String lost = directory().findEndpoint("kitchen", null).orElseThrow().location();
		directory().remove(lost);
		await().atMost(WAIT).until(() -> directory().findEndpoint("kitchen", null).isPresent());
		String again = directory().findEndpoint("kitchen", null).orElseThrow().location();
		assertThat(again).isNotEqualTo(lost);
		await().atMost(WAIT).until(() -> client.getLocation() != null && client.getLocation().getPath().equals(again));
		assertThat(nodeEvents).filteredOn(RdClientRegisteredEvent.class::isInstance).isNotEmpty();
		assertThat(this.directoryEvents).filteredOn(RdRegisteredEvent.class::isInstance).hasSize(2);
	}

	@Test
	void findsTheRegistrationInterfaceWhenGivenOnlyTheHost() {
		startNode("--coap.rd.client.uri=coap://127.0.0.1:" + directoryPort());
		RdRegistrationClient client = this.node.getBean(RdRegistrationClient.class);
		await().atMost(WAIT).until(() -> client.getState() == RdClientState.REGISTERED);
		assertThat(client.getLocation().getPath()).startsWith("/rd/");
		assertThat(directory().findEndpoint("kitchen", null)).hasValueSatisfying(
				(registration) -> assertThat(registration.lifetime()).isEqualTo(Duration.ofSeconds(90000)));
	}

	@Test
	void aRefusedRegistrationIsReportedAndRetried() {
		List<Object> nodeEvents = new CopyOnWriteArrayList<>();
		// a lifetime the directory refuses (its minimum is 1 s, its maximum 4294967295 s)
		startNode("--coap.rd.client.uri=coap://127.0.0.1:" + directoryPort() + "/rd",
				"--coap.rd.client.lifetime=4294967296", "--coap.rd.client.retry-interval=200ms");
		this.node.addApplicationListener((event) -> nodeEvents.add(event));
		RdRegistrationClient client = this.node.getBean(RdRegistrationClient.class);
		await().atMost(WAIT).until(() -> nodeEvents.stream()
			.filter(RdClientRegistrationFailedEvent.class::isInstance)
			.count() >= 2);
		assertThat(client.getState()).isEqualTo(RdClientState.FAILED);
		assertThat(client.getLastFailure()).contains("4.00").contains("Invalid 'lt'");
		Health health = health(client);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsKey("lastFailure");
		assertThat(directory().getRegistrations()).isEmpty();
	}

	@Test
	void anApplicationRunningADirectoryRegistersWithItself() {
		startNode("--coap.rd.server.enabled=true", "--coap.rd.client.lifetime=120");
		RdRegistrationClient client = this.node.getBean(RdRegistrationClient.class);
		await().atMost(WAIT).until(() -> client.getState() == RdClientState.REGISTERED);
		assertThat(client.getDirectory()).hasToString("coap://127.0.0.1:" + nodePort() + "/rd");
		RdRegistration registration = this.node.getBean(DefaultResourceDirectory.class)
			.findEndpoint("kitchen", null)
			.orElseThrow();
		assertThat(registration.effectiveBase()).hasToString("coap://127.0.0.1:" + nodePort());
		assertThat(registration.links()).extracting(RdLink::target).contains("/temperature", "/rd");
		assertThat(directory().getRegistrations()).isEmpty();
	}

	@Test
	void changedLinksAreSentWithTheNextRefresh() {
		startNode("--coap.rd.client.uri=coap://127.0.0.1:" + directoryPort() + "/rd", "--coap.rd.client.lifetime=2");
		RdRegistrationClient client = this.node.getBean(RdRegistrationClient.class);
		await().atMost(WAIT).until(() -> client.getState() == RdClientState.REGISTERED);
		String location = directory().findEndpoint("kitchen", null).orElseThrow().location();
		this.node.getBean(Rooms.class).names.add("attic");
		await().atMost(WAIT).until(() -> targets().contains("/rooms/attic"));
		assertThat(targets()).containsExactly("/rooms/attic", "/temperature");
		assertThat(directory().findEndpoint("kitchen", null).orElseThrow().location()).isEqualTo(location);
		assertThat(this.directoryEvents).filteredOn(RdUpdatedEvent.class::isInstance)
			.anySatisfy((event) -> assertThat(((RdUpdatedEvent) event).isChanged()).isTrue());
		// the links are sent once: the refreshes after it are empty updates again
		int updates = updates();
		await().atMost(WAIT).until(() -> updates() > updates);
		assertThat(this.directoryEvents).filteredOn(RdUpdatedEvent.class::isInstance)
			.filteredOn((event) -> ((RdUpdatedEvent) event).isChanged())
			.hasSize(1);
		assertThat(this.directoryEvents).filteredOn(RdRegisteredEvent.class::isInstance).hasSize(1);
	}

	@Test
	void aLinksChangedEventSendsThemAtOnce() {
		startNode("--coap.rd.client.uri=coap://127.0.0.1:" + directoryPort() + "/rd",
				"--coap.rd.client.lifetime=600");
		RdRegistrationClient client = this.node.getBean(RdRegistrationClient.class);
		await().atMost(WAIT).until(() -> client.getState() == RdClientState.REGISTERED);
		Rooms rooms = this.node.getBean(Rooms.class);
		rooms.names.add("cellar");
		rooms.names.add("hall");
		this.node.publishEvent(new CoapLinksChangedEvent(rooms));
		// long before the refresh, due after 450 s
		await().atMost(WAIT).until(() -> targets().contains("/rooms/hall"));
		assertThat(targets()).containsExactly("/rooms/cellar", "/rooms/hall", "/temperature");
		rooms.names.remove("cellar");
		this.node.publishEvent(new CoapLinksChangedEvent(rooms));
		await().atMost(WAIT).until(() -> !targets().contains("/rooms/cellar"));
		assertThat(targets()).containsExactly("/rooms/hall", "/temperature");
		// an event without a change sends nothing
		int updates = updates();
		this.node.publishEvent(new CoapLinksChangedEvent(rooms));
		await().atMost(WAIT).until(() -> updates() == updates + 1);
		assertThat(this.directoryEvents).filteredOn(RdUpdatedEvent.class::isInstance)
			.filteredOn((event) -> ((RdUpdatedEvent) event).isChanged())
			.hasSize(2);
	}

	@Test
	void aResourceAddedOrRemovedAtRunTimeReachesTheDirectoryAtOnce() {
		startNode("--coap.rd.client.uri=coap://127.0.0.1:" + directoryPort() + "/rd",
				"--coap.rd.client.lifetime=600");
		RdRegistrationClient client = this.node.getBean(RdRegistrationClient.class);
		await().atMost(WAIT).until(() -> client.getState() == RdClientState.REGISTERED);
		CoapResources resources = this.node.getBean(CoapResources.class);
		// a CoapMappingsChangedEvent is a CoapLinksChangedEvent: no refresh (due after 450 s) is waited for
		resources.add("/config/threshold", String.class, "21.5");
		await().atMost(WAIT).until(() -> targets().contains("/config/threshold"));
		resources.remove("/config/threshold");
		await().atMost(WAIT).until(() -> !targets().contains("/config/threshold"));
		assertThat(targets()).containsExactly("/temperature");
	}

	private List<String> targets() {
		return directory().findEndpoint("kitchen", null)
			.map((registration) -> registration.links().stream().map(RdLink::target).sorted().toList())
			.orElse(List.of());
	}

	private int updates() {
		return (int) this.directoryEvents.stream().filter(RdUpdatedEvent.class::isInstance).count();
	}

	private static Health health(RdRegistrationClient client) {
		return new RdClientHealthIndicator(client).health(true);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class DirectoryApplication {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Thermometer.class, Rooms.class })
	static class NodeApplication {

		@Bean
		CoapLinkInstances roomLinks(Rooms rooms) {
			return CoapLinkInstances.of("/rooms/{room}", () -> rooms.names);
		}

	}

	/**
	 * The rooms the node serves, which change at run time.
	 */
	static class Rooms {

		final List<String> names = new CopyOnWriteArrayList<>();

	}

	@CoapController
	static class Thermometer {

		@CoapGetMapping(path = "/temperature", resourceType = "temperature-c", produces = "text/plain")
		String temperature() {
			return "21.5";
		}

		@CoapGetMapping(path = "/rooms/{room}", resourceType = "room", produces = "text/plain")
		String room(@CoapPathVariable String room) {
			return room;
		}

	}

}
