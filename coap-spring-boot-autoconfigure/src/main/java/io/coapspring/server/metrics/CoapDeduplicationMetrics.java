package io.coapspring.server.metrics;

import io.coapspring.server.deduplication.DeduplicationStatistics;
import io.coapspring.server.deduplication.EvictionReason;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.util.Assert;

/**
 * Binds the meters of the deduplication of a CoAP server to a {@link MeterRegistry}:
 * <ul>
 * <li>{@code coap.server.deduplication.messages}: messages remembered for deduplication now;</li>
 * <li>{@code coap.server.deduplication.peers}: peers whose messages are remembered now;</li>
 * <li>{@code coap.server.deduplication.evictions}, tagged {@code reason} ({@code max-messages},
 * {@code max-peers}, {@code messages-per-peer}): messages forgotten before their exchange lifetime ended, so
 * that a late retransmission of one of them would be processed again.</li>
 * </ul>
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapDeduplicationMetrics implements MeterBinder {

	private final DeduplicationStatistics statistics;

	/**
	 * Create the meters of a server's deduplication.
	 * @param statistics the statistics of its deduplicators
	 */
	public CoapDeduplicationMetrics(DeduplicationStatistics statistics) {
		Assert.notNull(statistics, "'statistics' must not be null");
		this.statistics = statistics;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("coap.server.deduplication.messages", this.statistics,
				DeduplicationStatistics::rememberedMessages)
			.description("Messages the CoAP server remembers for deduplication")
			.register(registry);
		Gauge.builder("coap.server.deduplication.peers", this.statistics, DeduplicationStatistics::rememberedPeers)
			.description("Peers whose messages the CoAP server remembers for deduplication")
			.register(registry);
		for (EvictionReason reason : EvictionReason.values()) {
			FunctionCounter
				.builder("coap.server.deduplication.evictions", this.statistics,
						(statistics) -> statistics.evictions(reason))
				.description("Messages the CoAP server forgot before their exchange lifetime ended")
				.tag("reason", reason.tag())
				.register(registry);
		}
	}

}
