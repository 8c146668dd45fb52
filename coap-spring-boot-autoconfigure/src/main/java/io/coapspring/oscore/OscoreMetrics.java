package io.coapspring.oscore;

import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.util.Assert;

/**
 * Binds the {@link OscoreCounters} to Micrometer: {@code coap.oscore.requests.received} counts requests that
 * arrived with an OSCORE option, {@code coap.oscore.requests.rejected} those rejected, tagged with the
 * {@code reason}: {@code replay}, {@code decryption} (wrong key or tampered message), {@code unknown-context},
 * {@code malformed}, {@code unprotected} (no OSCORE on a handler method that requires it) or {@code throttled}
 * (dropped without decryption: the source sent too many bad OSCORE requests).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class OscoreMetrics implements MeterBinder {

	private final OscoreCounters counters;

	/**
	 * Create the metrics.
	 * @param counters the counters to publish
	 */
	public OscoreMetrics(OscoreCounters counters) {
		Assert.notNull(counters, "'counters' must not be null");
		this.counters = counters;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("coap.oscore.requests.received", this.counters, OscoreCounters::getReceived)
			.description("Requests that arrived with an OSCORE option")
			.register(registry);
		rejected(registry, "replay", OscoreCounters::getReplays);
		rejected(registry, "decryption", OscoreCounters::getDecryptionFailures);
		rejected(registry, "unknown-context", OscoreCounters::getUnknownContexts);
		rejected(registry, "malformed", OscoreCounters::getMalformed);
		rejected(registry, "unprotected", OscoreCounters::getUnprotected);
		rejected(registry, "throttled", OscoreCounters::getThrottled);
	}

	private void rejected(MeterRegistry registry, String reason, ToLongFunction<OscoreCounters> count) {
		FunctionCounter.builder("coap.oscore.requests.rejected", this.counters, (c) -> count.applyAsLong(c))
			.description("Requests rejected by OSCORE, by reason")
			.tag("reason", reason)
			.register(registry);
	}

}
