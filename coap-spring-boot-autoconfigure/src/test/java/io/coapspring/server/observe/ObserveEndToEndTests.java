package io.coapspring.server.observe;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.coapspring.client.CoapObservation;
import io.coapspring.client.CoapRequestEntity;
import io.coapspring.client.CoapTemplate;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.context.LocalCoapPort;
import io.coapspring.server.observe.ObserveClient.Observation;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Observable mappings end to end: registration, notifications on {@link CoapNotifier#changed}, per concrete
 * path, per Accept, per query, pushed values, message types, sequence numbers, Max-Age and the end of an
 * observation on an error.
 */
@ObserveIntegrationTest
class ObserveEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@LocalCoapPort
	int port;

	@Autowired
	CoapNotifier notifier;

	@Autowired
	CoapTemplate coap;

	@Autowired
	ObservedController controller;

	@Autowired
	CoapObservations observations;

	@Autowired
	CoapObservedResources observedResources;

	ObserveClient client;

	@BeforeEach
	void createClient() {
		this.client = new ObserveClient(this.port);
		this.controller.temperatures.clear();
	}

	@AfterEach
	void closeClient() {
		// the tests cancel their observations proactively: let the deregistrations arrive before the client goes,
		// or an observer of /level would be left to the next test class that shares this context
		await().atMost(WAIT).until(() -> this.notifier.getObserverCount("/level") == 0
				&& this.notifier.getObserverCount("/temps/{id}") == 0);
		this.client.close();
	}

	private String uri(String path) {
		return "coap://127.0.0.1:" + this.port + path;
	}

	@Test
	void coapTemplateReceivesEveryChangeOfItsConcretePathOnly() {
		List<@Nullable Thermometer> seven = new CopyOnWriteArrayList<>();
		List<@Nullable Thermometer> eight = new CopyOnWriteArrayList<>();
		CoapObservation<Thermometer> sevenObservation = this.coap.observe(
				CoapRequestEntity.get(uri("/temps/7")).accept("application/json").build(), Thermometer.class,
				seven::add);
		CoapObservation<Thermometer> eightObservation = this.coap.observe(
				CoapRequestEntity.get(uri("/temps/8")).accept("application/json").build(), Thermometer.class,
				eight::add);
		try {
			await().atMost(WAIT).until(() -> seven.size() == 1 && eight.size() == 1);
			await().atMost(WAIT).until(() -> this.notifier.getObserverCount("/temps/{id}") == 2);
			for (int i = 1; i <= 3; i++) {
				this.controller.temperatures.put("7", 20.0 + i);
				assertThat(this.notifier.changed("/temps/7")).isEqualTo(1);
				double expected = 20.0 + i;
				await().atMost(WAIT).until(() -> seven.get(seven.size() - 1).celsius() == expected);
			}
			assertThat(seven).extracting(Thermometer::celsius).containsExactly(20.0, 21.0, 22.0, 23.0);
			assertThat(eight).extracting(Thermometer::celsius).containsExactly(20.0);
			assertThat(this.notifier.changed("/temps/{id}")).isEqualTo(2);
			await().atMost(WAIT).until(() -> eight.size() == 2);
		}
		finally {
			sevenObservation.cancel();
			eightObservation.cancel();
		}
	}

	@Test
	void eachObserverGetsItsOwnRepresentationAndQuery() {
		Request json = this.client.get("/temps/3");
		json.getOptions().setAccept(MediaTypeRegistry.APPLICATION_JSON);
		Request text = this.client.get("/temps/3");
		text.getOptions().setAccept(MediaTypeRegistry.TEXT_PLAIN);
		Observation jsonObserver = this.client.observe(json);
		Observation textObserver = this.client.observe(text);
		Request inFahrenheit = this.client.get("/temps/3?unit=F");
		inFahrenheit.getOptions().setAccept(MediaTypeRegistry.APPLICATION_JSON);
		Observation fahrenheit = this.client.observe(inFahrenheit);
		this.controller.temperatures.put("3", 100.0);
		assertThat(this.notifier.changed("/temps/3")).isEqualTo(3);
		jsonObserver.awaitCount(2);
		textObserver.awaitCount(2);
		fahrenheit.awaitCount(2);
		assertThat(jsonObserver.last().getPayloadString()).isEqualTo("{\"id\":\"3\",\"celsius\":100.0}");
		assertThat(jsonObserver.last().getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_JSON);
		assertThat(textObserver.texts()).containsExactly("20.0 C", "100.0 C");
		assertThat(fahrenheit.last().getPayloadString()).isEqualTo("{\"id\":\"3\",\"celsius\":212.0}");
		// a query narrows the observers
		this.controller.temperatures.put("3", 0.0);
		assertThat(this.notifier.changed("/temps/3?unit=F")).isEqualTo(1);
		fahrenheit.awaitText("{\"id\":\"3\",\"celsius\":32.0}");
		assertThat(jsonObserver.responses).hasSize(2);
		jsonObserver.relation.proactiveCancel();
		textObserver.relation.proactiveCancel();
		fahrenheit.relation.proactiveCancel();
	}

	@Test
	void notificationsAreNonConfirmableWithARegularConfirmableOneAndIncreasingSequenceNumbers() {
		Observation observer = this.client.observe("/level");
		assertThat(observer.first().getOptions().hasObserve()).isTrue();
		for (int i = 1; i <= 8; i++) {
			this.controller.level.set(i);
			this.notifier.changed("/level");
			observer.awaitText(String.valueOf(i));
		}
		List<Response> notifications = observer.responses.subList(1, observer.responses.size());
		assertThat(notifications).extracting(Response::getType).contains(Type.NON, Type.CON);
		// notification-check-interval-count=4: one CON among every four notifications
		assertThat(notifications.stream().filter((notification) -> notification.getType() == Type.CON).count())
			.isEqualTo(2);
		List<Integer> sequence = observer.responses.stream().map((response) -> response.getOptions().getObserve())
			.toList();
		for (int i = 1; i < sequence.size(); i++) {
			assertThat(sequence.get(i)).isGreaterThan(sequence.get(i - 1));
		}
		observer.relation.proactiveCancel();
	}

	@Test
	void pushedValuesAreWrittenPerObserverWithoutInvokingTheHandler() {
		Request json = this.client.get("/temps/5");
		json.getOptions().setAccept(MediaTypeRegistry.APPLICATION_JSON);
		Observation observer = this.client.observe(json);
		int invocations = this.controller.invocations.get();
		assertThat(this.notifier.notify("/temps/5", new Thermometer("5", 42.5))).isEqualTo(1);
		observer.awaitText("{\"id\":\"5\",\"celsius\":42.5}");
		assertThat(this.controller.invocations.get()).isEqualTo(invocations);
		assertThat(observer.last().getOptions().getMaxAge()).isEqualTo(30);
		this.notifier.notify("coap://localhost/temps/5",
				CoapResponseEntity.content().maxAge(3).body(new Thermometer("5", 1)));
		observer.awaitText("{\"id\":\"5\",\"celsius\":1.0}");
		assertThat(observer.last().getOptions().getMaxAge()).isEqualTo(3);
		observer.relation.proactiveCancel();
	}

	@Test
	void maxAgeIsHonouredWithAFreshNotificationBeforeItRunsOut() {
		Observation observer = this.client.observe("/fresh");
		assertThat(observer.first().getOptions().getMaxAge()).isEqualTo(1);
		// no change signalled: the server refreshes the representation before its Max-Age of 1 s passes
		observer.awaitCount(3);
		assertThat(observer.responses).allSatisfy((response) -> assertThat(response.getOptions().getMaxAge()).isEqualTo(1));
		observer.relation.proactiveCancel();
	}

	@Test
	void anErrorEndsTheObservationWithoutObserveOption() {
		this.controller.broken.set(false);
		Observation observer = this.client.observe("/fragile");
		assertThat(observer.first().getPayloadString()).isEqualTo("fine");
		this.controller.broken.set(true);
		this.notifier.changed("/fragile");
		observer.awaitCount(2);
		assertThat(observer.last().getCode()).isEqualTo(ResponseCode.NOT_FOUND);
		assertThat(observer.last().getOptions().hasObserve()).isFalse();
		await().atMost(WAIT).until(() -> this.notifier.getObserverCount("/fragile") == 0);
		await().atMost(WAIT).until(() -> this.observedResources.get("/fragile") == null);
		this.controller.broken.set(false);
	}

	@Test
	void aMappingThatIsNotObservableAnswersWithoutObserveAndKeepsNothing() {
		Request request = this.client.get("/plain");
		request.setObserve();
		Response response = this.client.send(request).advanced();
		assertThat(response.getPayloadString()).isEqualTo("not observable");
		assertThat(response.getOptions().hasObserve()).isFalse();
		// the resource of the registration is let go right after the response is sent, which the client may see first
		await().atMost(WAIT).until(() -> this.observedResources.get("/plain") == null);
	}

	@Test
	void notifyingAPathWithoutObserversReachesNone() {
		assertThat(this.notifier.changed("/temps/999")).isZero();
		assertThat(this.notifier.notify("/nothing/{*rest}", 1)).isZero();
	}

}
