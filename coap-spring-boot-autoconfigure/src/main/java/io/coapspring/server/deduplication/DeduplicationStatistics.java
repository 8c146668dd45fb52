package io.coapspring.server.deduplication;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.util.Assert;

/**
 * What the {@link BoundedDeduplicator}s of a server remember and evict: the messages remembered now, summed over
 * the deduplicators, and the messages evicted before their exchange lifetime ended, by reason.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class DeduplicationStatistics {

	private final List<BoundedDeduplicator> deduplicators = new CopyOnWriteArrayList<>();

	private final Map<EvictionReason, LongAdder> evictions = new EnumMap<>(EvictionReason.class);

	/**
	 * Create empty statistics.
	 */
	public DeduplicationStatistics() {
		for (EvictionReason reason : EvictionReason.values()) {
			this.evictions.put(reason, new LongAdder());
		}
	}

	void register(BoundedDeduplicator deduplicator) {
		this.deduplicators.add(deduplicator);
	}

	void evicted(EvictionReason reason, int count) {
		this.evictions.get(reason).add(count);
	}

	/**
	 * Return the number of messages remembered now by the registered deduplicators.
	 * @return the number of messages
	 */
	public long rememberedMessages() {
		long total = 0;
		for (BoundedDeduplicator deduplicator : this.deduplicators) {
			total += deduplicator.size();
		}
		return total;
	}

	/**
	 * Return the number of peers whose messages the registered deduplicators remember now.
	 * @return the number of peers
	 */
	public long rememberedPeers() {
		long total = 0;
		for (BoundedDeduplicator deduplicator : this.deduplicators) {
			total += deduplicator.peers();
		}
		return total;
	}

	/**
	 * Return the number of messages forgotten for the given reason before their exchange lifetime ended.
	 * @param reason the reason
	 * @return the number of messages since the start
	 */
	public long evictions(EvictionReason reason) {
		Assert.notNull(reason, "'reason' must not be null");
		return this.evictions.get(reason).sum();
	}

}
