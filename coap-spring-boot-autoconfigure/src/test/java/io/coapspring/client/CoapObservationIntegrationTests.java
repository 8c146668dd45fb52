package io.coapspring.client;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.coapspring.client.ClientTestApplication.CounterResource;
import io.coapspring.server.context.LocalCoapPort;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end tests of observation (RFC 7641) with {@link CoapTemplate}.
 */
@CoapClientIntegrationTest
class CoapObservationIntegrationTests {

	@Autowired
	private CoapTemplate coap;

	@Autowired
	private ReactiveCoapObservations reactive;

	@Autowired
	@Qualifier("counterResource")
	private CounterResource counter;

	@Autowired
	@Qualifier("tickerResource")
	private CounterResource ticker;

	@LocalCoapPort
	private int port;

	private String uri(String path) {
		return "coap://127.0.0.1:" + this.port + path;
	}

	@Test
	void notificationsArriveInOrderAndCancelDeregistersProactively() {
		this.counter.set(0);
		List<@Nullable String> values = new CopyOnWriteArrayList<>();
		List<String> threads = new CopyOnWriteArrayList<>();
		CoapObservation<String> observation = this.coap.observe(uri("/counter"), String.class, (value) -> {
			values.add(value);
			threads.add(Thread.currentThread().getName());
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> values.contains("0"));
		for (int i = 1; i <= 5; i++) {
			this.counter.set(i);
			String expected = String.valueOf(i);
			await().atMost(Duration.ofSeconds(5)).until(() -> values.contains(expected));
		}
		assertThat(values).containsExactly("0", "1", "2", "3", "4", "5");
		assertThat(threads).allSatisfy((thread) -> assertThat(thread).startsWith("CoapClient(callback)"));
		assertThat(observation.isActive()).isTrue();
		assertThat(observation.getUri().getPath()).isEqualTo("/counter");
		int deregistrations = this.counter.getDeregistrations();
		observation.cancel();
		assertThat(observation.isActive()).isFalse();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.counter.getDeregistrations()).isEqualTo(deregistrations + 1));
		assertThat(this.counter.getObserverCount()).isZero();
		this.counter.set(99);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> !values.contains("99"));
		observation.cancel();
		assertThat(this.counter.getDeregistrations()).as("a second cancel sends nothing").isEqualTo(deregistrations + 1);
	}

	@Test
	void reRegistersWhenMaxAgePassesWithoutNews() {
		int registrations = this.ticker.getRegistrations();
		List<@Nullable String> values = new CopyOnWriteArrayList<>();
		CoapObservation<String> observation = this.coap.observe(uri("/ticker"), String.class, values::add);
		try {
			// Max-Age 1 s plus the 300 ms re-registration backoff of the test configuration
			await().atMost(Duration.ofSeconds(6))
				.untilAsserted(() -> assertThat(this.ticker.getRegistrations()).isGreaterThanOrEqualTo(registrations + 2));
			assertThat(observation.isActive()).isTrue();
			assertThat(values).isNotEmpty();
		}
		finally {
			observation.cancel();
		}
	}

	@Test
	void observingAResourceThatIsNotObservableDeliversOnceAndCompletes() {
		RecordingListener<String> listener = new RecordingListener<>();
		CoapObservation<String> observation = this.coap.observe(CoapRequestEntity.get(uri("/echo")).build(),
				String.class, listener);
		await().atMost(Duration.ofSeconds(5)).untilTrue(listener.completed);
		assertThat(listener.values).containsExactly("hello");
		assertThat(listener.error.get()).isNull();
		assertThat(observation.isActive()).isFalse();
	}

	@Test
	void errorResponseEndsTheObservationWithAnException() {
		RecordingListener<String> listener = new RecordingListener<>();
		CoapObservation<String> observation = this.coap.observe(CoapRequestEntity.get(uri("/error")).build(),
				String.class, listener);
		await().atMost(Duration.ofSeconds(5)).until(() -> listener.error.get() != null);
		assertThat(listener.error.get()).isInstanceOfSatisfying(CoapClientResponseException.class,
				(ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.NOT_FOUND));
		assertThat(observation.isActive()).isFalse();
		assertThat(listener.values).isEmpty();
	}

	@Test
	void noAnswerEndsTheObservationWithATimeout() {
		RecordingListener<String> listener = new RecordingListener<>();
		CoapObservation<String> observation = this.coap.observe(
				CoapRequestEntity.get(uri("/silent")).timeout(Duration.ofMillis(300)).build(), String.class, listener);
		await().atMost(Duration.ofSeconds(5)).until(() -> listener.error.get() != null);
		assertThat(listener.error.get()).isInstanceOf(CoapTimeoutException.class);
		assertThat(observation.isActive()).isFalse();
	}

	@Test
	void staleNotificationsAreDroppedAndCancelSendsObserveOne() throws Exception {
		AtomicReference<@Nullable Request> registration = new AtomicReference<>();
		try (ScriptedUdpPeer peer = new ScriptedUdpPeer((message) -> {
			if (!(message instanceof Request request)) {
				return List.of();
			}
			Integer observe = request.getOptions().getObserve();
			if (observe != null && observe == 0) {
				registration.set(request);
				return List.of(notification(request.getToken(), Type.ACK, request.getMID(), 5, "five"));
			}
			return List.of(notification(request.getToken(), Type.ACK, request.getMID(), null, "bye"));
		})) {
			List<@Nullable String> values = new CopyOnWriteArrayList<>();
			CoapObservation<String> observation = this.coap.observe(peer.uri("/obs"), String.class, values::add);
			await().atMost(Duration.ofSeconds(5)).until(() -> values.contains("five"));
			Token token = registration.get().getToken();
			InetSocketAddress client = peer.lastSender();
			peer.send(notification(token, Type.NON, 1001, 3, "three"), client);
			peer.send(notification(token, Type.NON, 1002, 6, "six"), client);
			await().atMost(Duration.ofSeconds(5)).until(() -> values.contains("six"));
			assertThat(values).containsExactly("five", "six");
			observation.cancel();
			await().atMost(Duration.ofSeconds(5)).until(() -> peer.received().stream()
				.anyMatch((message) -> message instanceof Request request
						&& Integer.valueOf(1).equals(request.getOptions().getObserve())
						&& request.getToken().equals(token)));
		}
	}

	private static Response notification(Token token, Type type, int mid, @Nullable Integer observe,
			String payload) {
		Response response = new Response(ResponseCode.CONTENT);
		response.setType(type);
		response.setMID(mid);
		response.setToken(token);
		if (observe != null) {
			response.getOptions().setObserve(observe);
		}
		response.getOptions().setMaxAge(60);
		response.setPayload(payload);
		return response;
	}

	@Test
	void fluxDeliversNotificationsAndDeregistersOnDispose() {
		this.counter.set(100);
		List<String> values = Collections.synchronizedList(new ArrayList<>());
		int deregistrations = this.counter.getDeregistrations();
		Disposable subscription = this.reactive.observe(uri("/counter"), String.class).subscribe(values::add);
		await().atMost(Duration.ofSeconds(5)).until(() -> values.contains("100"));
		this.counter.set(101);
		await().atMost(Duration.ofSeconds(5)).until(() -> values.contains("101"));
		subscription.dispose();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.counter.getDeregistrations()).isEqualTo(deregistrations + 1));
		assertThat(values).containsExactly("100", "101");
	}

	@Test
	void onlyGetCanObserve() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.coap.observe(CoapRequestEntity.fetch(uri("/counter")).build(), String.class,
					new RecordingListener<>()))
			.withMessageContaining("FETCH");
	}

	@Test
	void fluxCompletesWhenTheServerDoesNotObserve() {
		List<String> values = this.reactive.observe(uri("/echo"), String.class)
			.collectList()
			.block(Duration.ofSeconds(5));
		assertThat(values).containsExactly("hello");
	}

	private static final class RecordingListener<T> implements CoapObservationListener<T> {

		private final List<@Nullable T> values = new CopyOnWriteArrayList<>();

		private final AtomicReference<@Nullable Throwable> error = new AtomicReference<>();

		private final AtomicBoolean completed = new AtomicBoolean();

		@Override
		public void onNext(@Nullable T value) {
			this.values.add(value);
		}

		@Override
		public void onError(Throwable error) {
			this.error.set(error);
		}

		@Override
		public void onComplete() {
			this.completed.set(true);
		}

	}

}
