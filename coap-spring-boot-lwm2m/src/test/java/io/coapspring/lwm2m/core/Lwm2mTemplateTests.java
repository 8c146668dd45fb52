package io.coapspring.lwm2m.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.coapspring.lwm2m.autoconfigure.Lwm2mServerAutoConfiguration;
import io.coapspring.lwm2m.event.Lwm2mEvent;
import io.coapspring.lwm2m.event.Lwm2mNotificationEvent;
import io.coapspring.lwm2m.event.Lwm2mSleepingEvent;
import io.coapspring.lwm2m.server.Lwm2mServerLifecycle;
import io.coapspring.lwm2m.test.Lwm2mTestClient;
import org.eclipse.leshan.server.LeshanServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link Lwm2mTemplate} against a real Leshan client in process: every operation, its errors, observe as a handle
 * and as a Flux.
 */
class Lwm2mTemplateTests {

	private static final String DEVICE = "template-dev";

	private static ConfigurableApplicationContext context;

	private static Lwm2mTestClient client;

	private static TestThermostat thermostat;

	private Lwm2mOperations lwm2m;

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(Config.class).web(WebApplicationType.NONE)
			.properties("coap.lwm2m.server.address=127.0.0.1", "coap.lwm2m.server.port=0",
					"coap.lwm2m.server.models.locations=classpath:/lwm2m-test/10500.xml",
					"coap.lwm2m.server.request-timeout=2s", "coap.lwm2m.server.queue-mode.awake-time=1s")
			.run();
		thermostat = new TestThermostat(0, "kitchen", 21.0, 19.5);
		client = client(DEVICE).instanceClass(10500, TestThermostat.class).instances(10500, thermostat).build();
		client.start();
		client.awaitRegistered(Duration.ofSeconds(10));
	}

	@AfterAll
	static void stop() {
		client.close();
		context.close();
	}

	@BeforeEach
	void operations() {
		this.lwm2m = context.getBean(Lwm2mOperations.class);
	}

	static Lwm2mTestClient.Builder client(String endpoint) {
		int port = context.getEnvironment().getRequiredProperty(Lwm2mServerLifecycle.PORT_PROPERTY, Integer.class);
		return Lwm2mTestClient.builder(endpoint)
			.serverUri("coap://127.0.0.1:" + port)
			.device("ACME", "M7", "SN-7")
			.models("/lwm2m-test/10500.xml");
	}

	@Test
	void readsASingleResourceInAnyFormat() {
		assertThat(this.lwm2m.read(DEVICE, "/3/0/0").value()).isEqualTo("ACME");
		for (Lwm2mContentFormat format : List.of(Lwm2mContentFormat.TLV, Lwm2mContentFormat.TEXT,
				Lwm2mContentFormat.SENML_JSON, Lwm2mContentFormat.SENML_CBOR, Lwm2mContentFormat.JSON)) {
			assertThat(this.lwm2m.read(DEVICE, "/3/0/1", format).asString()).as(format.name()).isEqualTo("M7");
		}
	}

	@Test
	void readsAnInstanceAndAnObject() {
		Lwm2mContent instance = this.lwm2m.read(DEVICE, "/10500/0");
		assertThat(instance.asMap()).containsKeys(0, 1, 4, 5, 6);
		assertThat(instance.get(0)).isInstanceOf(String.class);
		assertThat(instance.get(1)).isInstanceOf(Double.class);
		assertThat(instance.get(6)).isInstanceOf(Map.class);
		Lwm2mContent object = this.lwm2m.read(DEVICE, "/10500");
		assertThat(object.asMap()).containsKey(0);
	}

	@Test
	void errorCodeOfTheClientIsAnExceptionWithTheCode() {
		assertThatExceptionOfType(Lwm2mResponseException.class).isThrownBy(() -> this.lwm2m.read(DEVICE, "/3/0/9"))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(404);
				assertThat(ex.getCodeName()).isEqualTo("NOT_FOUND");
				assertThat(ex.getPath()).isEqualTo("/3/0/9");
			})
			.withMessageContaining("4.04");
	}

	@Test
	void writesASingleResourceConvertingTheNumber() {
		this.lwm2m.write(DEVICE, "/10500/0/1", 22);
		assertThat(this.lwm2m.read(DEVICE, "/10500/0/1").asDouble()).isEqualTo(22.0);
		this.lwm2m.write(DEVICE, "/10500/0/2", 1);
		assertThat(this.lwm2m.read(DEVICE, "/10500/0/2").asLong()).isEqualTo(1);
	}

	@Test
	void valuesThatDoNotFitTheModelFailBeforeSending() {
		assertThatExceptionOfType(Lwm2mInvalidRequestException.class)
			.isThrownBy(() -> this.lwm2m.write(DEVICE, "/10500/0/1", 99))
			.withMessageContaining("/10500/x/1 (Setpoint)")
			.withMessageContaining("outside the range 5..30");
		assertThatExceptionOfType(Lwm2mInvalidRequestException.class)
			.isThrownBy(() -> this.lwm2m.write(DEVICE, "/10500/0/0", 5))
			.withMessageContaining("(Name) is of type STRING");
		assertThatExceptionOfType(Lwm2mInvalidRequestException.class)
			.isThrownBy(() -> this.lwm2m.write(DEVICE, "/10500/0/4", 5.0))
			.withMessageContaining("(Temperature) is not writable");
		assertThatExceptionOfType(Lwm2mInvalidRequestException.class)
			.isThrownBy(() -> this.lwm2m.write(DEVICE, "/10500/0/2", 7))
			.withMessageContaining("not one of 0,1,2");
		assertThatExceptionOfType(Lwm2mInvalidRequestException.class)
			.isThrownBy(() -> this.lwm2m.write(DEVICE, "/10500/0/0", "x".repeat(33)))
			.withMessageContaining("length 33 is outside the range 0..32");
		assertThatExceptionOfType(Lwm2mInvalidRequestException.class)
			.isThrownBy(() -> this.lwm2m.write(DEVICE, "/4242/0/1", 1))
			.withMessageContaining("Object 4242 is not in the object model");
		assertThatExceptionOfType(Lwm2mInvalidRequestException.class)
			.isThrownBy(() -> this.lwm2m.read(DEVICE, "/not/a/path"))
			.withMessageContaining("/not/a/path");
		assertThat(this.lwm2m.read(DEVICE, "/10500/0/0").asString()).isNotEqualTo("x".repeat(33));
	}

	@Test
	void writesSeveralResourcesAndMultipleResources() {
		this.lwm2m.write(DEVICE, "/10500/0", Map.of(0, "lounge", 5, false), false);
		Lwm2mContent instance = this.lwm2m.read(DEVICE, "/10500/0");
		assertThat(instance.get(0)).isEqualTo("lounge");
		assertThat(instance.get(5)).isEqualTo(false);
		this.lwm2m.write(DEVICE, "/10500/0/6", Map.of(0, "a", 1, "b"));
		assertThat(this.lwm2m.read(DEVICE, "/10500/0/6").asMap()).containsEntry(0, "a").containsEntry(1, "b");
	}

	@Test
	void executesWithArgumentsAndReportsTheClientsRefusal() {
		this.lwm2m.execute(DEVICE, "/10500/0/3", "0='12.5'");
		assertThat(this.lwm2m.read(DEVICE, "/10500/0/4").asDouble()).isEqualTo(12.5);
		assertThatExceptionOfType(Lwm2mResponseException.class).isThrownBy(() -> this.lwm2m.execute(DEVICE, "/3/0/4"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(500));
		assertThatExceptionOfType(Lwm2mInvalidRequestException.class)
			.isThrownBy(() -> this.lwm2m.execute(DEVICE, "/10500/0/1"))
			.withMessageContaining("not executable");
	}

	@Test
	void discoversAndWritesAttributes() {
		assertThat(this.lwm2m.discover(DEVICE, "/10500")).contains("</10500/0/1>");
		this.lwm2m.writeAttributes(DEVICE, "/10500/0/4", Lwm2mAttributes.none().withPmax(60).withPmin(1));
		assertThat(this.lwm2m.discover(DEVICE, "/10500/0/4")).anySatisfy((link) -> assertThat(link)
			.startsWith("</10500/0/4>")
			.contains("pmax=60")
			.contains("pmin=1"));
	}

	@Test
	void createsAndDeletesInstances() {
		this.lwm2m.create(DEVICE, "/10500", 7, Map.of(0, "attic", 1, 18.0));
		assertThat(this.lwm2m.read(DEVICE, "/10500/7/0").asString()).isEqualTo("attic");
		this.lwm2m.delete(DEVICE, "/10500/7");
		assertThatExceptionOfType(Lwm2mResponseException.class)
			.isThrownBy(() -> this.lwm2m.read(DEVICE, "/10500/7/0"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(404));
		assertThatExceptionOfType(Lwm2mInvalidRequestException.class)
			.isThrownBy(() -> this.lwm2m.create(DEVICE, "/10500", Map.of(0, "no setpoint")))
			.withMessageContaining("Mandatory resource /10500/x/1 (Setpoint) is missing");
	}

	@Test
	void observesWithAHandleAndEvents() {
		List<Lwm2mContent> notifications = new CopyOnWriteArrayList<>();
		Lwm2mObservation observation = this.lwm2m.observe(DEVICE, "/10500/0/4", notifications::add);
		assertThat(observation.initialContent().path()).isEqualTo("/10500/0/4");
		assertThat(observation.isActive()).isTrue();
		thermostat.setTemperature(23.5);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> notifications.stream().anyMatch((content) -> content.asDouble() == 23.5));
		EventCollector events = context.getBean(EventCollector.class);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> events.of(Lwm2mNotificationEvent.class)
				.stream()
				.anyMatch((event) -> event.getContent().path().equals("/10500/0/4")));
		observation.cancel();
		assertThat(observation.isActive()).isFalse();
		LeshanServer server = context.getBean(LeshanServer.class);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> server.getObservationService()
				.getObservations(server.getRegistrationService().getByEndpoint(DEVICE))
				.isEmpty());
	}

	@Test
	void observesSeveralPathsInOneCompositeObservation() {
		List<Map<String, Lwm2mContent>> notifications = new CopyOnWriteArrayList<>();
		Lwm2mCompositeObservation observation = this.lwm2m.observeComposite(DEVICE, List.of("/10500/0/4", "/3/0/0"),
				notifications::add);
		assertThat(observation.initialContents()).containsKeys("/10500/0/4", "/3/0/0");
		assertThat(observation.initialContents().get("/3/0/0").asString()).isEqualTo("ACME");
		thermostat.setTemperature(24.5);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> notifications.stream()
				.anyMatch((contents) -> contents.containsKey("/10500/0/4")
						&& contents.get("/10500/0/4").asDouble() == 24.5));
		observation.cancel();
		assertThat(observation.isActive()).isFalse();
		LeshanServer server = context.getBean(LeshanServer.class);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> server.getObservationService()
				.getObservations(server.getRegistrationService().getByEndpoint(DEVICE))
				.isEmpty());
	}

	@Test
	void observesAsAFlux() throws Exception {
		java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
		CompletableFuture<List<Lwm2mContent>> values = Lwm2mFluxes.observe(this.lwm2m, DEVICE, "/3/0/14")
			.doOnNext((content) -> started.countDown())
			.take(2)
			.collectList()
			.toFuture();
		LeshanServer server = context.getBean(LeshanServer.class);
		assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
		this.lwm2m.write(DEVICE, "/3/0/14", "+02:00");
		List<Lwm2mContent> received = values.get(10, TimeUnit.SECONDS);
		assertThat(received).hasSize(2);
		assertThat(received.get(1).asString()).isEqualTo("+02:00");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> server.getObservationService()
				.getObservations(server.getRegistrationService().getByEndpoint(DEVICE))
				.isEmpty());
	}

	@Test
	void readsCompositeAndAsynchronously() throws Exception {
		Map<String, Lwm2mContent> contents = this.lwm2m.readComposite(DEVICE, List.of("/3/0/0", "/10500/0/1"));
		assertThat(contents.get("/3/0/0").asString()).isEqualTo("ACME");
		assertThat(contents).containsKey("/10500/0/1");
		assertThat(this.lwm2m.readAsync(DEVICE, "/3/0/2", null).get(5, TimeUnit.SECONDS).asString())
			.isEqualTo("SN-7");
	}

	@Test
	void writesCompositeAcrossObjectsInOneRequest() throws Exception {
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		values.put("/3/0/14", "+03:00");
		values.put("/10500/0/1", 23);
		this.lwm2m.writeComposite(DEVICE, values);
		Map<String, Lwm2mContent> contents = this.lwm2m.readComposite(DEVICE, List.of("/3/0/14", "/10500/0/1"));
		assertThat(contents.get("/3/0/14").asString()).isEqualTo("+03:00");
		assertThat(contents.get("/10500/0/1").asDouble()).isEqualTo(23.0);
		this.lwm2m.writeCompositeAsync(DEVICE, Map.of("/10500/0/1", 21.5)).get(5, TimeUnit.SECONDS);
		assertThat(this.lwm2m.read(DEVICE, "/10500/0/1").asDouble()).isEqualTo(21.5);
	}

	@Test
	void writeCompositeChecksEveryValueBeforeSending() {
		Map<String, Object> values = new java.util.LinkedHashMap<>();
		values.put("/3/0/14", "+04:00");
		values.put("/10500/0/1", 99);
		assertThatExceptionOfType(Lwm2mInvalidRequestException.class)
			.isThrownBy(() -> this.lwm2m.writeComposite(DEVICE, values))
			.withMessageContaining("/10500/x/1 (Setpoint)")
			.withMessageContaining("outside the range 5..30");
		assertThat(this.lwm2m.read(DEVICE, "/3/0/14").asString()).isNotEqualTo("+04:00");
		assertThatExceptionOfType(Lwm2mInvalidRequestException.class)
			.isThrownBy(() -> this.lwm2m.writeComposite(DEVICE, Map.of("/10500/0", 5)))
			.withMessageContaining("needs resource paths");
	}

	@Test
	void testClientHoldsPlainValuesWithoutLeshanTypes() {
		try (Lwm2mTestClient plain = client("plain-values")
			.instance(10500, 3, Map.of(0, "hall", 1, 20, 2, 1, 4, 18.5f, 6, Map.of(0, "x", 1, "y")))
			.build()) {
			plain.start();
			plain.awaitRegistered(Duration.ofSeconds(10));
			Lwm2mContent instance = this.lwm2m.read("plain-values", "/10500/3");
			assertThat(instance.get(0)).isEqualTo("hall");
			assertThat(instance.get(1)).isEqualTo(20.0);
			assertThat(instance.get(2)).isEqualTo(1L);
			assertThat(instance.get(6)).isEqualTo(Map.of(0, "x", 1, "y"));
			this.lwm2m.write("plain-values", "/10500/3/1", 22.5);
			assertThat(this.lwm2m.read("plain-values", "/10500/3/1").asDouble()).isEqualTo(22.5);
		}
	}

	@Test
	void unknownEndpointIsNotRegisteredSyncAndAsync() {
		assertThatExceptionOfType(Lwm2mClientNotRegisteredException.class)
			.isThrownBy(() -> this.lwm2m.read("nobody", "/3/0/0"))
			.withMessageContaining("'nobody' is not registered");
		CompletableFuture<Lwm2mContent> future = this.lwm2m.readAsync("nobody", "/3/0/0", null);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(future::get)
			.withCauseInstanceOf(Lwm2mClientNotRegisteredException.class);
	}

	@Test
	void silentClientIsUnreachableNotATimeout() {
		Lwm2mTestClient gone = client("gone").build();
		gone.start();
		gone.awaitRegistered(Duration.ofSeconds(10));
		gone.close();
		assertThatExceptionOfType(Lwm2mClientUnreachableException.class)
			.isThrownBy(() -> this.lwm2m.read("gone", "/3/0/0"))
			.withMessageContaining("'gone' did not answer");
	}

	@Test
	void sleepingQueueModeClientGetsASpecificException() {
		try (Lwm2mTestClient sleeper = client("sleeper").queueMode(true).build()) {
			sleeper.start();
			sleeper.awaitRegistered(Duration.ofSeconds(10));
			EventCollector events = context.getBean(EventCollector.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> events.of(Lwm2mSleepingEvent.class)
					.stream()
					.anyMatch((event) -> event.getEndpoint().equals("sleeper")));
			assertThat(this.lwm2m.getRegistration("sleeper")).hasValueSatisfying((r) -> assertThat(r.queueMode()).isTrue());
			assertThatExceptionOfType(Lwm2mClientSleepingException.class)
				.isThrownBy(() -> this.lwm2m.read("sleeper", "/3/0/0"))
				.withMessageContaining("'sleeper' is sleeping");
			sleeper.triggerUpdate();
			await().atMost(Duration.ofSeconds(10))
				.until(() -> events.of(io.coapspring.lwm2m.event.Lwm2mAwakeEvent.class)
					.stream()
					.anyMatch((event) -> event.getEndpoint().equals("sleeper")));
		}
	}

	@Test
	void observationsEndWhenTheClientDeregisters() throws Exception {
		try (Lwm2mTestClient leaving = client("leaving").build()) {
			leaving.start();
			leaving.awaitRegistered(Duration.ofSeconds(10));
			Lwm2mObservation handle = this.lwm2m.observe("leaving", "/3/0/1", (content) -> {
			});
			java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
			CompletableFuture<List<Lwm2mContent>> flux = Lwm2mFluxes.observe(this.lwm2m, "leaving", "/3/0/0")
				.doOnNext((content) -> started.countDown())
				.collectList()
				.toFuture();
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			leaving.stop(true);
			assertThat(flux.get(10, TimeUnit.SECONDS)).singleElement()
				.satisfies((content) -> assertThat(content.asString()).isEqualTo("ACME"));
			await().atMost(Duration.ofSeconds(5)).until(() -> !handle.isActive());
		}
	}

	@Test
	void sendDataFromTheClientIsAnEvent() throws Exception {
		var leshanClient = client.getLeshanClient();
		var server = leshanClient.getRegisteredServers().values().iterator().next();
		var response = leshanClient.getSendService()
			.sendData(server, org.eclipse.leshan.core.request.ContentFormat.SENML_CBOR, List.of("/3/0/0", "/10500/0/4"),
					5000);
		assertThat(response.isSuccess()).isTrue();
		EventCollector events = context.getBean(EventCollector.class);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> !events.of(io.coapspring.lwm2m.event.Lwm2mSendEvent.class).isEmpty());
		var send = events.of(io.coapspring.lwm2m.event.Lwm2mSendEvent.class).get(0);
		assertThat(send.getEndpoint()).isEqualTo(DEVICE);
		assertThat(send.getData().get("/3/0/0").asString()).isEqualTo("ACME");
		assertThat(send.getData()).containsKey("/10500/0/4");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(Lwm2mServerAutoConfiguration.class)
	static class Config {

		@Bean
		EventCollector eventCollector() {
			return new EventCollector();
		}

	}

	static class EventCollector implements ApplicationListener<Lwm2mEvent> {

		final List<Lwm2mEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(Lwm2mEvent event) {
			this.events.add(event);
		}

		<T extends Lwm2mEvent> List<T> of(Class<T> type) {
			return this.events.stream().filter(type::isInstance).map(type::cast).toList();
		}

	}

}
