package io.coapspring.server.observe;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.atomic.AtomicBoolean;

import io.coapspring.client.CoapObservation;
import io.coapspring.client.CoapObservationListener;
import io.coapspring.client.CoapRequestEntity;
import io.coapspring.client.CoapTemplate;
import io.coapspring.server.context.LocalCoapPort;
import io.coapspring.server.observe.ObserveClient.Observation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Sinks;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Handler methods that return a stream: each element is a notification, completion ends the observation with a
 * final response without Observe option, an error goes through the exception handlers.
 */
@ObserveIntegrationTest
class StreamObserveEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@LocalCoapPort
	int port;

	@Autowired
	CoapNotifier notifier;

	@Autowired
	CoapTemplate coap;

	@Autowired
	ObservedController controller;

	ObserveClient client;

	@BeforeEach
	void createClient() {
		this.client = new ObserveClient(this.port);
	}

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	@Test
	void everyElementIsANotificationAndCompletionEndsTheObservation() {
		List<@Nullable Integer> values = new CopyOnWriteArrayList<>();
		AtomicBoolean completed = new AtomicBoolean();
		CoapObservation<Integer> observation = this.coap.observe(
				CoapRequestEntity.get("coap://127.0.0.1:" + this.port + "/countdown/3").build(),
				Integer.class, new CoapObservationListener<>() {

					@Override
					public void onNext(@Nullable Integer value) {
						values.add(value);
					}

					@Override
					public void onComplete() {
						completed.set(true);
					}

				});
		await().atMost(WAIT).untilTrue(completed);
		// the last element is repeated as the final response, without Observe option; the client may take that one
		// before the notification it repeats, and drop the notification as older
		assertThat(values.stream().distinct()).containsExactly(3, 2, 1, 0);
		assertThat(values).hasSizeBetween(4, 5);
		assertThat(observation.isActive()).isFalse();
		await().atMost(WAIT).until(() -> this.notifier.getObserverCount("/countdown/3") == 0);
	}

	@Test
	void finalResponseHasNoObserveOption() {
		Observation countdown = this.client.observe("/countdown/2");
		Response last = countdown.awaitFinal();
		assertThat(last.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(last.getPayloadString()).isEqualTo("0");
		assertThat(countdown.texts().stream().distinct()).containsExactly("2", "1", "0");
		await().atMost(WAIT).until(() -> this.notifier.getObserverCount("/countdown/2") == 0);
	}

	@Test
	void anErrorGoesThroughTheExceptionHandlers() {
		Observation failing = this.client.observe("/failing");
		assertThat(failing.first().getPayloadString()).isEqualTo("first");
		await().atMost(WAIT).until(() -> failing.last().getCode() == ResponseCode.SERVICE_UNAVAILABLE);
		Response error = failing.last();
		assertThat(error.getPayloadString()).isEqualTo("sensor unplugged");
		assertThat(error.getOptions().hasObserve()).isFalse();
		await().atMost(WAIT).until(() -> this.notifier.getObserverCount("/failing") == 0);
	}

	@Test
	void aStreamNotifiesOnlyItsOwnObserverAndTakesPushedValues() {
		Observation ticks = this.client.observe("/ticks");
		assertThat(ticks.first().getPayloadString()).isEqualTo("0");
		Sinks.Many<Integer> sink = this.controller.ticks.get();
		sink.tryEmitNext(1);
		sink.tryEmitNext(2);
		ticks.awaitText("2");
		// a stream is not invoked again on a change
		assertThat(this.notifier.changed("/ticks")).isZero();
		assertThat(this.notifier.notify("/ticks", 99)).isEqualTo(1);
		ticks.awaitText("99");
		ticks.relation.proactiveCancel();
		await().atMost(WAIT).until(() -> this.notifier.getObserverCount("/ticks") == 0);
		// deregistration cancels the subscription
		assertThat(sink.currentSubscriberCount()).isZero();
	}

	@Test
	void aJdkFlowPublisherIsAStreamToo() {
		this.controller.flow.set(null);
		Thread first = new Thread(() -> {
			await().atMost(WAIT).until(() -> this.controller.flow.get() != null
					&& this.controller.flow.get().getNumberOfSubscribers() == 1);
			this.controller.flow.get().submit("a");
		});
		first.start();
		Observation flow = this.client.observe("/flow");
		assertThat(flow.first().getPayloadString()).isEqualTo("a");
		SubmissionPublisher<String> publisher = this.controller.flow.get();
		publisher.submit("b");
		flow.awaitText("b");
		publisher.close();
		assertThat(flow.awaitFinal().getPayloadString()).isEqualTo("b");
	}

	@Test
	void withoutObserveTheFirstElementIsTheResponse() {
		CoapResponse response = this.client.send(this.client.get("/countdown/5"));
		assertThat(response.getResponseText()).isEqualTo("5");
		assertThat(response.getOptions().hasObserve()).isFalse();
	}

}
