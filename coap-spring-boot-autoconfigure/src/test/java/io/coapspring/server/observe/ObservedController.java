package io.coapspring.server.observe;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapExceptionHandler;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.annotation.CoapQueryParam;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.invocation.CoapResponseStatusException;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Observable mappings of every kind: a numeric record per concrete path, in JSON or text, numbers, booleans, a
 * mapping that fails once told to, and streams.
 */
@CoapController
class ObservedController {

	final Map<String, Double> temperatures = new ConcurrentHashMap<>();

	final AtomicInteger invocations = new AtomicInteger();

	final AtomicInteger level = new AtomicInteger();

	final AtomicInteger levelReads = new AtomicInteger();

	final AtomicInteger doorReads = new AtomicInteger();

	final AtomicBoolean door = new AtomicBoolean();

	final AtomicBoolean broken = new AtomicBoolean();

	final AtomicReference<Sinks.Many<Integer>> ticks = new AtomicReference<>();

	final AtomicReference<SubmissionPublisher<String>> flow = new AtomicReference<>();

	@CoapGetMapping(path = "/temps/{id}", produces = "application/json", observable = true, maxAge = 30)
	Thermometer temperature(@CoapPathVariable String id, @CoapQueryParam(required = false) @Nullable String unit) {
		this.invocations.incrementAndGet();
		double celsius = this.temperatures.getOrDefault(id, 20.0);
		return new Thermometer(id, "F".equals(unit) ? celsius * 9 / 5 + 32 : celsius);
	}

	@CoapGetMapping(path = "/temps/{id}", produces = "text/plain", observable = true, maxAge = 30)
	String temperatureText(@CoapPathVariable String id) {
		this.invocations.incrementAndGet();
		return this.temperatures.getOrDefault(id, 20.0) + " C";
	}

	@CoapGetMapping(path = "/level", observable = true)
	int level() {
		this.levelReads.incrementAndGet();
		return this.level.get();
	}

	@CoapGetMapping(path = "/door", observable = true)
	boolean door() {
		this.doorReads.incrementAndGet();
		return this.door.get();
	}

	@CoapGetMapping(path = "/fragile", observable = true)
	String fragile() {
		if (this.broken.get()) {
			throw new CoapResponseStatusException(ResponseCode.NOT_FOUND, "gone");
		}
		return "fine";
	}

	@CoapGetMapping(path = "/plain")
	String plain() {
		return "not observable";
	}

	@CoapGetMapping(path = "/fresh", observable = true, maxAge = 1)
	int fresh() {
		return this.invocations.incrementAndGet();
	}

	@CoapGetMapping(path = "/countdown/{from}", observable = true)
	Flux<Integer> countdown(@CoapPathVariable int from) {
		return Flux.range(0, from + 1).map((i) -> from - i).delayElements(Duration.ofMillis(50));
	}

	@CoapGetMapping(path = "/ticks", observable = true)
	Flux<Integer> ticks() {
		Sinks.Many<Integer> sink = Sinks.many().unicast().onBackpressureBuffer();
		this.ticks.set(sink);
		return sink.asFlux().startWith(0);
	}

	@CoapGetMapping(path = "/failing", observable = true)
	Flux<String> failing() {
		return Flux.just("first")
			.concatWith(Mono.delay(Duration.ofMillis(100)).then(Mono.error(new IllegalArgumentException("sensor unplugged"))));
	}

	@CoapGetMapping(path = "/flow", observable = true)
	SubmissionPublisher<String> jdkFlow() {
		SubmissionPublisher<String> publisher = new SubmissionPublisher<>();
		this.flow.set(publisher);
		return publisher;
	}

	@CoapExceptionHandler
	CoapResponseEntity<String> unplugged(IllegalArgumentException ex) {
		return CoapResponseEntity.status(ResponseCode.SERVICE_UNAVAILABLE).body(ex.getMessage());
	}

}
