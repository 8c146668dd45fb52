package io.coapspring.server.function;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.coapspring.actuate.endpoint.CoapMappingsEndpoint;
import io.coapspring.annotation.CoapMethod;
import io.coapspring.client.CoapClientResponseException;
import io.coapspring.client.CoapObservation;
import io.coapspring.client.CoapObservationListener;
import io.coapspring.client.CoapOperations;
import io.coapspring.client.CoapRequestEntity;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.context.LocalCoapPort;
import io.coapspring.server.observe.CoapNotifier;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.LinkFormat;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * Functional routes through real UDP with {@code CoapTemplate}: every method, path variables, bodies through the
 * converters and validation, asynchronous responses, the exception handlers of {@code @CoapControllerAdvice},
 * option predicates, filters, discovery, and routes registered and removed while the server runs.
 */
@FunctionalIntegrationTest
class FunctionalEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalCoapPort
	int port;

	@Autowired
	CoapOperations coap;

	@Autowired
	CoapRouteRegistry routes;

	@Autowired
	CoapNotifier notifier;

	@Autowired
	CoapMappingsEndpoint mappingsEndpoint;

	@Autowired
	FunctionalApplication.MappingEvents events;

	@Autowired
	MeterRegistry meters;

	private String uri(String pathAndQuery) {
		return "coap://127.0.0.1:" + this.port + pathAndQuery;
	}

	private CoapResponseEntity<String> exchange(Code code, String pathAndQuery) {
		return this.coap.exchange(CoapRequestEntity.method(code, uri(pathAndQuery)).build(), String.class);
	}

	@Test
	void functionalRouteAnswersEveryMethod() {
		for (CoapMethod method : CoapMethod.values()) {
			CoapResponseEntity<String> response = exchange(Code.valueOf(method.name()), "/fn/echo");
			assertThat(response.isSuccess()).as(method.name()).isTrue();
			assertThat(response.getBody()).isEqualTo(method.name());
		}
	}

	@Test
	void pathVariablesAndBodiesGoThroughTheConvertersAndValidation() {
		assertThat(this.coap.getForObject(uri("/fn/sensors/7"), String.class)).contains("\"id\":\"7\"");
		CoapResponseEntity<String> changed = this.coap.exchange(CoapRequestEntity.put(uri("/fn/sensors/7"))
			.contentFormat(MediaTypeRegistry.APPLICATION_JSON)
			.body(new FunctionalApplication.Reading("7", 22.0)), String.class);
		assertThat(changed.getCode()).isEqualTo(ResponseCode.CHANGED);
		assertThat(changed.getBody()).isEqualTo("7=22.0");
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> this.coap.exchange(CoapRequestEntity.put(uri("/fn/sensors/7"))
				.contentFormat(MediaTypeRegistry.APPLICATION_JSON)
				.body(new FunctionalApplication.Reading("", -99)), String.class))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.BAD_REQUEST));
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> this.coap.exchange(CoapRequestEntity.put(uri("/fn/sensors/7"))
				.contentFormat(MediaTypeRegistry.TEXT_PLAIN)
				.body("7=1"), String.class))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT));
	}

	@Test
	void asynchronousResponsesExceptionHandlersOptionsAndFiltersApply() {
		assertThat(this.coap.getForObject(uri("/fn/async"), String.class)).isEqualTo("later");
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> this.coap.getForObject(uri("/fn/fail"), String.class))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(ResponseCode.CONFLICT);
				assertThat(ex.getResponsePayloadAsString()).isEqualTo("failed on purpose");
			});
		assertThat(this.coap.exchange(CoapRequestEntity.get(uri("/fn/tenant"))
			.option(FunctionalApplication.TENANT_OPTION, "acme")
			.build(), String.class)
			.getBody()).isEqualTo("acme");
		assertThat(this.coap.getForObject(uri("/fn/tenant"), String.class)).isEqualTo("default");
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> this.coap.getForObject(uri("/fn/tenant?deny"), String.class))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.FORBIDDEN));
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> this.coap.exchange(
					CoapRequestEntity.get(uri("/fn/sensors/7")).accept(MediaTypeRegistry.TEXT_PLAIN).build(),
					String.class))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.NOT_ACCEPTABLE));
	}

	@Test
	void discoveryAndTheMappingsEndpointListFunctionalRoutesBesideAnnotatedOnes() {
		String links = this.coap.getForObject(uri("/.well-known/core"), String.class);
		assertThat(LinkFormat.parse(links)).anySatisfy((link) -> {
			assertThat(link.getURI()).isEqualTo("/fn/level");
			assertThat(link.getAttributes().getResourceTypes()).containsExactly("level");
			assertThat(link.getAttributes().hasObservable()).isTrue();
		}).anySatisfy((link) -> assertThat(link.getURI()).isEqualTo("/fn/echo"));
		assertThat(this.mappingsEndpoint.coap().mappings()).anySatisfy((mapping) -> {
			assertThat(mapping.pattern()).isEqualTo("/fn/echo");
			assertThat(mapping.handler()).startsWith("router function 'echoRoutes'");
		}).anySatisfy((mapping) -> assertThat(mapping.pattern()).isEqualTo("/annotated/{id}"));
	}

	@Test
	void requestTimersAndTheRunTimeRouteGaugeCoverFunctionalRoutes() {
		assertThat(this.coap.getForObject(uri("/fn/sensors/8"), String.class)).contains("\"id\":\"8\"");
		await().atMost(WAIT)
			.until(() -> this.meters.find("coap.server.requests")
				.tags("method", "GET", "uri", "/fn/sensors/{id}", "code", "2.05")
				.timer() != null);
		assertThat(this.meters.find("coap.server.requests").tag("uri", "/fn/sensors/8").timer()).isNull();
		CoapRouteRegistration registration = this.routes.register("gauge",
				CoapRouterFunctions.route().GET("/rt/gauge", (request) -> CoapServerResponse.ok("g")).build());
		try {
			assertThat(this.meters.get("coap.server.routes.runtime").gauge().value()).isEqualTo(1.0);
		}
		finally {
			this.routes.unregister(registration);
		}
		assertThat(this.meters.get("coap.server.routes.runtime").gauge().value()).isZero();
	}

	@Test
	void aRouteAmbiguousWithAnAnnotatedMappingIsRefusedWhole() {
		int before = this.mappingsEndpoint.coap().mappings().size();
		CoapRouterFunction ambiguous = CoapRouterFunctions.route()
			.GET("/rt/fine", (request) -> CoapServerResponse.ok("fine"))
			.GET("/annotated/{name}", (request) -> CoapServerResponse.ok("clash"))
			.build();
		assertThatIllegalStateException().isThrownBy(() -> this.routes.register("clash", ambiguous))
			.withMessageContaining("Ambiguous CoAP mapping")
			.withMessageContaining("AnnotatedReadings#read");
		assertThat(this.mappingsEndpoint.coap().mappings()).hasSize(before);
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> this.coap.getForObject(uri("/rt/fine"), String.class))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.NOT_FOUND));
	}

	@Test
	void aRouteRegisteredAtRunTimeIsDiscoverableObservableAndEndsItsObserversWhenRemoved() {
		int[] value = { 1 };
		CoapRouteRegistration registration = this.routes.register("temperature", CoapRouterFunctions.route()
			.GET("/rt/temperature", (request) -> CoapServerResponse.ok(String.valueOf(value[0])))
			.withAttributes((attributes) -> attributes.observable(true).resourceType("temperature-c"))
			.build());
		assertThat(this.events.events).last()
			.satisfies((event) -> assertThat(event.getAdded()).singleElement()
				.satisfies((mapping) -> assertThat(mapping.pattern().getPattern()).isEqualTo("/rt/temperature")));
		assertThat(LinkFormat.parse(this.coap.getForObject(uri("/.well-known/core?rt=temperature-c"), String.class)))
			.singleElement()
			.satisfies((link) -> assertThat(link.getURI()).isEqualTo("/rt/temperature"));
		assertThat(this.mappingsEndpoint.coap().mappings())
			.anySatisfy((mapping) -> assertThat(mapping.handler()).startsWith("run-time routes 'temperature'"));
		Recorder recorder = new Recorder();
		CoapObservation<String> observation = this.coap.observe(
				CoapRequestEntity.get(uri("/rt/temperature")).build(), String.class, recorder);
		try {
			await().atMost(WAIT).until(() -> recorder.values.contains("1"));
			value[0] = 2;
			this.notifier.changed("/rt/temperature");
			await().atMost(WAIT).until(() -> recorder.values.contains("2"));
			this.routes.unregister(registration);
			await().atMost(WAIT).until(() -> !recorder.errors.isEmpty());
			assertThat(recorder.errors).singleElement()
				.isInstanceOfSatisfying(CoapClientResponseException.class,
						(ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.NOT_FOUND));
			await().atMost(WAIT).until(() -> this.notifier.getObserverCount("/rt/temperature") == 0);
		}
		finally {
			observation.cancel();
		}
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> this.coap.getForObject(uri("/rt/temperature"), String.class))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.NOT_FOUND));
		assertThat(this.coap.getForObject(uri("/.well-known/core"), String.class)).doesNotContain("/rt/temperature");
		assertThat(this.events.events).last().satisfies((event) -> assertThat(event.getRemoved()).hasSize(1));
		assertThatIllegalArgumentException().isThrownBy(() -> this.routes.unregister(registration))
			.withMessageContaining("No such CoAP routes registered");
	}

	static final class Recorder implements CoapObservationListener<String> {

		final List<String> values = new CopyOnWriteArrayList<>();

		final List<Throwable> errors = new CopyOnWriteArrayList<>();

		@Override
		public void onNext(@Nullable String value) {
			this.values.add(String.valueOf(value));
		}

		@Override
		public void onError(Throwable error) {
			this.errors.add(error);
		}

	}

}
