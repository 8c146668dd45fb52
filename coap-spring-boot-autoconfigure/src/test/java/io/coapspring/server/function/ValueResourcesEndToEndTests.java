package io.coapspring.server.function;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.coapspring.client.CoapClientResponseException;
import io.coapspring.client.CoapObservation;
import io.coapspring.client.CoapOperations;
import io.coapspring.client.CoapRequestEntity;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.context.LocalCoapPort;
import io.coapspring.server.observe.CoapObservations;
import io.coapspring.server.observe.CoapObservedResources;
import io.coapspring.server.value.CoapResources;
import io.coapspring.server.value.CoapValueResource;
import jakarta.validation.constraints.Min;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.LinkFormat;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.OptionNumberRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Value resources added and removed while the server runs, through real UDP with {@code CoapTemplate}: GET,
 * PUT with validation, ETags and 2.03 Valid, Max-Age, observers notified of every change and ended with 4.04 on
 * removal, the bound on run-time routes, and adding and removing under request load.
 */
@FunctionalIntegrationTest
class ValueResourcesEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalCoapPort
	int port;

	@Autowired
	CoapOperations coap;

	@Autowired
	CoapResources resources;

	@Autowired
	CoapRouteRegistry routes;

	@Autowired
	CoapObservations observations;

	@Autowired
	CoapObservedResources observedResources;

	private String uri(String pathAndQuery) {
		return "coap://127.0.0.1:" + this.port + pathAndQuery;
	}

	@Test
	void aValueResourceServesReplacesAndNotifiesItsValueWithETags() {
		CoapValueResource<Threshold> threshold = this.resources.add("config/threshold", Threshold.class,
				new Threshold(25), (spec) -> spec.maxAge(Duration.ofSeconds(60)).resourceType("threshold"));
		FunctionalEndToEndTests.Recorder recorder = new FunctionalEndToEndTests.Recorder();
		CoapObservation<String> observation = null;
		try {
			assertThat(LinkFormat.parse(this.coap.getForObject(uri("/.well-known/core?rt=threshold"), String.class)))
				.singleElement()
				.satisfies((link) -> {
					assertThat(link.getURI()).isEqualTo("/config/threshold");
					assertThat(link.getAttributes().hasObservable()).isTrue();
					assertThat(link.getAttributes().getContentTypes()).containsExactly("50");
				});
			CoapResponseEntity<String> first = this.coap.getForEntity(uri("/config/threshold"), String.class);
			assertThat(first.getBody()).isEqualTo("{\"value\":25}");
			assertThat(first.getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_JSON);
			assertThat(first.getMaxAge()).isEqualTo(60);
			byte[] etag = first.getETag();
			assertThat(etag).isNotNull();
			assertThat(this.coap.exchange(CoapRequestEntity.get(uri("/config/threshold"))
				.option(OptionNumberRegistry.ETAG, etag)
				.build(), String.class)
				.getCode()).isEqualTo(ResponseCode.VALID);
			observation = this.coap.observe(CoapRequestEntity.get(uri("/config/threshold")).build(), String.class,
					recorder);
			await().atMost(WAIT).until(() -> recorder.values.contains("{\"value\":25}"));
			assertThat(this.coap.exchange(CoapRequestEntity.put(uri("/config/threshold"))
				.contentFormat(MediaTypeRegistry.APPLICATION_JSON)
				.body(new Threshold(30)), String.class)
				.getCode()).isEqualTo(ResponseCode.CHANGED);
			assertThat(threshold.value()).isEqualTo(new Threshold(30));
			await().atMost(WAIT).until(() -> recorder.values.contains("{\"value\":30}"));
			threshold.value(new Threshold(40));
			await().atMost(WAIT).until(() -> recorder.values.contains("{\"value\":40}"));
			CoapResponseEntity<String> changed = this.coap.getForEntity(uri("/config/threshold"), String.class);
			assertThat(changed.getETag()).isNotEqualTo(etag);
			assertThatExceptionOfType(CoapClientResponseException.class)
				.isThrownBy(() -> this.coap.exchange(CoapRequestEntity.put(uri("/config/threshold"))
					.contentFormat(MediaTypeRegistry.APPLICATION_JSON)
					.body(new Threshold(-1)), String.class))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.BAD_REQUEST));
			assertThatExceptionOfType(CoapClientResponseException.class)
				.isThrownBy(() -> this.coap.exchange(CoapRequestEntity.put(uri("/config/threshold"))
					.contentFormat(MediaTypeRegistry.TEXT_PLAIN)
					.body("50"), String.class))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT));
			assertThat(threshold.value()).isEqualTo(new Threshold(40));
		}
		finally {
			this.resources.remove("/config/threshold");
		}
		await().atMost(WAIT).until(() -> !recorder.errors.isEmpty());
		assertThat(recorder.errors).singleElement()
			.isInstanceOfSatisfying(CoapClientResponseException.class,
					(ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.NOT_FOUND));
		assertThat(observation.isActive()).isFalse();
		assertThat(threshold.isActive()).isFalse();
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> this.coap.getForObject(uri("/config/threshold"), String.class))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.NOT_FOUND));
		assertThatIllegalArgumentException().isThrownBy(() -> this.resources.remove("/config/threshold"))
			.withMessage("No value resource at /config/threshold");
	}

	@Test
	void rawBytesKeepTheirPayloadAndDeleteRemovesWhenAllowed() {
		this.resources.add("/raw", byte[].class, new byte[] { 1, 2 },
				(spec) -> spec.methods(io.coapspring.annotation.CoapMethod.GET, io.coapspring.annotation.CoapMethod.PUT,
						io.coapspring.annotation.CoapMethod.DELETE));
		assertThat(this.coap.getForObject(uri("/raw"), byte[].class)).containsExactly(1, 2);
		this.coap.exchange(CoapRequestEntity.put(uri("/raw")).contentFormat(MediaTypeRegistry.TEXT_PLAIN).body("hi"),
				byte[].class);
		assertThat(this.resources.get("/raw", byte[].class)).hasValueSatisfying(
				(resource) -> assertThat(resource.value()).containsExactly('h', 'i'));
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> this.coap.postForObject(uri("/raw"), "x", String.class))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED));
		assertThat(this.coap.exchange(CoapRequestEntity.delete(uri("/raw")).build(), String.class).getCode())
			.isEqualTo(ResponseCode.DELETED);
		assertThat(this.resources.get("/raw")).isEmpty();
		assertThat(this.routes.getRuntimeRouteCount()).isZero();
	}

	@Test
	void runTimeRoutesAreBoundedInTotal() {
		List<String> added = new ArrayList<>();
		try {
			for (int i = 0; i < 10; i++) {
				this.resources.add("/bounded/" + i, String.class, "v");
				added.add("/bounded/" + i);
			}
			assertThat(this.routes.getRuntimeRouteCount()).isEqualTo(20);
			assertThatIllegalStateException().isThrownBy(() -> this.resources.add("/bounded/10", String.class, "v"))
				.withMessageContaining("'coap.server.routes.max-runtime-routes'");
			assertThat(this.resources.get("/bounded/10")).isEmpty();
			assertThatIllegalStateException().isThrownBy(() -> this.resources.add("/bounded/0", String.class, "v"))
				.withMessageContaining("exists already");
		}
		finally {
			added.forEach(this.resources::remove);
		}
		assertThat(this.routes.getRuntimeRouteCount()).isZero();
	}

	@Test
	void addingAndRemovingUnderRequestLoadLosesNoResponseAndLeaksNoRelation() throws Exception {
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger answered = new AtomicInteger();
		List<Throwable> lost = new CopyOnWriteArrayList<>();
		ExecutorService load = Executors.newFixedThreadPool(2);
		try {
			List<Future<?>> clients = new ArrayList<>();
			for (String path : List.of("/churn", "/fn/level")) {
				clients.add(load.submit(() -> {
					for (int i = 0; i < 300 && running.get(); i++) {
						try {
							this.coap.getForObject(uri(path), String.class);
							answered.incrementAndGet();
						}
						catch (CoapClientResponseException ex) {
							assertThat(ex.getCode()).isEqualTo(ResponseCode.NOT_FOUND);
							answered.incrementAndGet();
						}
						catch (RuntimeException ex) {
							lost.add(ex);
						}
					}
				}));
			}
			for (int round = 0; round < 20; round++) {
				this.resources.add("/churn", String.class, "round " + round);
				FunctionalEndToEndTests.Recorder recorder = new FunctionalEndToEndTests.Recorder();
				CoapObservation<String> observation = this.coap
					.observe(CoapRequestEntity.get(uri("/churn")).build(), String.class, recorder);
				String expected = "round " + round;
				await().atMost(WAIT).until(() -> recorder.values.contains(expected) || !recorder.errors.isEmpty());
				this.resources.remove("/churn");
				await().atMost(WAIT).until(() -> !recorder.errors.isEmpty());
				observation.cancel();
			}
			running.set(false);
			for (Future<?> client : clients) {
				client.get();
			}
		}
		finally {
			running.set(false);
			load.shutdownNow();
		}
		assertThat(lost).isEmpty();
		assertThat(answered.get()).isPositive();
		await().atMost(WAIT).until(() -> this.observations.getObserverCount() == 0);
		await().atMost(WAIT).until(this.observedResources::isEmpty);
		assertThat(this.routes.getRuntimeRouteCount()).isZero();
	}

	record Threshold(@Min(0) int value) {
	}

}
