package io.coapspring.server.deduplication;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;

import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.network.Exchange.Origin;
import org.eclipse.californium.core.network.KeyMID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BoundedDeduplicator}.
 */
class BoundedDeduplicatorTests {

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

	private final DeduplicationStatistics statistics = new DeduplicationStatistics();

	@AfterEach
	void shutdown() {
		this.executor.shutdownNow();
	}

	@Test
	void findsTheExchangeOfADuplicate() {
		BoundedDeduplicator deduplicator = deduplicator(10, 4, 10);
		Exchange first = exchange();
		assertThat(deduplicator.findPrevious(key(1, peer(1)), first)).isNull();
		assertThat(deduplicator.findPrevious(key(1, peer(1)), exchange())).isSameAs(first);
		assertThat(deduplicator.find(key(1, peer(1)))).isSameAs(first);
		assertThat(deduplicator.findPrevious(key(1, peer(2)), exchange())).isNull();
		assertThat(deduplicator.size()).isEqualTo(2);
		assertThat(this.statistics.rememberedMessages()).isEqualTo(2);
		assertThat(this.statistics.rememberedPeers()).isEqualTo(2);
	}

	@Test
	void windowOfAPeerForgetsItsOldestMessage() {
		BoundedDeduplicator deduplicator = deduplicator(100, 4, 100);
		for (int mid = 1; mid <= 6; mid++) {
			deduplicator.findPrevious(key(mid, peer(1)), exchange());
		}
		assertThat(deduplicator.size()).isEqualTo(4);
		assertThat(deduplicator.find(key(2, peer(1)))).isNull();
		assertThat(deduplicator.find(key(3, peer(1)))).isNotNull();
		assertThat(this.statistics.evictions(EvictionReason.MESSAGES_PER_PEER)).isEqualTo(2);
	}

	@Test
	void totalBoundDoesNotGrowWithThePeersAndEvictsTheLeastRecentlyActivePeerFirst() {
		BoundedDeduplicator deduplicator = deduplicator(100, 4, 1_000_000);
		Exchange keep = exchange();
		deduplicator.findPrevious(key(1, peer(0)), keep);
		for (int peer = 1; peer <= 1_000; peer++) {
			deduplicator.findPrevious(key(1, peer(peer)), exchange());
			// peer 0 retransmits now and then, so it stays among the recently active peers
			if (peer % 50 == 0) {
				assertThat(deduplicator.findPrevious(key(1, peer(0)), exchange())).isSameAs(keep);
			}
		}
		assertThat(deduplicator.size()).isEqualTo(100);
		assertThat(deduplicator.find(key(1, peer(0)))).isSameAs(keep);
		assertThat(deduplicator.find(key(1, peer(1)))).isNull();
		assertThat(deduplicator.find(key(1, peer(1_000)))).isNotNull();
		assertThat(this.statistics.evictions(EvictionReason.MAX_MESSAGES)).isEqualTo(901);
	}

	@Test
	void peerBoundForgetsTheLeastRecentlyActivePeerWithAllItsMessages() {
		BoundedDeduplicator deduplicator = deduplicator(100, 4, 2);
		deduplicator.findPrevious(key(1, peer(1)), exchange());
		deduplicator.findPrevious(key(2, peer(1)), exchange());
		deduplicator.findPrevious(key(1, peer(2)), exchange());
		deduplicator.findPrevious(key(1, peer(3)), exchange());
		assertThat(deduplicator.size()).isEqualTo(2);
		assertThat(deduplicator.peers()).isEqualTo(2);
		assertThat(deduplicator.find(key(1, peer(1)))).isNull();
		assertThat(this.statistics.evictions(EvictionReason.MAX_PEERS)).isEqualTo(2);
	}

	@Test
	void totalBoundsHoldWhenThreadsAddForManyPeersAtOnce() throws Exception {
		BoundedDeduplicator deduplicator = deduplicator(500, 4, 100);
		int threads = 4;
		int messagesPerThread = 5_000;
		ExecutorService adders = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				int thread = t;
				done.add(adders.submit(() -> {
					for (int i = 0; i < messagesPerThread; i++) {
						// each thread its own 300 peers, message IDs never repeated within a peer
						deduplicator.findPrevious(key(i / 300, peer(thread * 300 + i % 300)), exchange());
					}
				}));
			}
			for (Future<?> future : done) {
				future.get();
			}
		}
		finally {
			adders.shutdownNow();
		}
		assertThat(deduplicator.size()).isLessThanOrEqualTo(400); // at most 4 messages of each of 100 peers
		assertThat(deduplicator.peers()).isBetween(1, 100);
		long evicted = 0;
		for (EvictionReason reason : EvictionReason.values()) {
			evicted += this.statistics.evictions(reason);
		}
		// every message added is either still remembered or was counted as evicted
		assertThat(deduplicator.size() + evicted).isEqualTo((long) threads * messagesPerThread);
	}

	@Test
	void peersSpreadOverTheStripesAndOverTheBucketsWithinAStripe() {
		Map<Integer, Set<Integer>> bucketsByStripe = new HashMap<>();
		for (int port = 0; port < 1_000; port++) {
			InetSocketAddress peer = peer(port);
			int hash = peer.hashCode();
			bucketsByStripe.computeIfAbsent(BoundedDeduplicator.stripeIndex(peer), (stripe) -> new HashSet<>())
				.add((hash ^ (hash >>> 16)) & 15); // the bucket a HashMap of 16 buckets puts the peer in
		}
		assertThat(bucketsByStripe).hasSize(BoundedDeduplicator.STRIPES);
		// the peers of one stripe must not all share a bucket of the stripe's map
		assertThat(bucketsByStripe.values()).allSatisfy((buckets) -> assertThat(buckets).hasSizeGreaterThan(8));
	}

	@Test
	void sweepForgetsMessagesOlderThanTheExchangeLifetime() {
		BoundedDeduplicator deduplicator = new BoundedDeduplicator(
				new DeduplicationLimits(100, 4, 100, Duration.ZERO, Duration.ofHours(1), false), this.statistics);
		deduplicator.findPrevious(key(1, peer(1)), exchange());
		deduplicator.findPrevious(key(1, peer(2)), exchange());
		deduplicator.sweep();
		assertThat(deduplicator.isEmpty()).isTrue();
		assertThat(deduplicator.peers()).isZero();
		assertThat(this.statistics.evictions(EvictionReason.MAX_MESSAGES)).isZero();
	}

	@Test
	void replacesAPreviousExchange() {
		BoundedDeduplicator deduplicator = deduplicator(100, 4, 100);
		Exchange previous = exchange();
		Exchange current = exchange();
		deduplicator.findPrevious(key(1, peer(1)), previous);
		assertThat(deduplicator.replacePrevious(key(1, peer(1)), exchange(), current)).isFalse();
		assertThat(deduplicator.replacePrevious(key(1, peer(1)), previous, current)).isTrue();
		assertThat(deduplicator.find(key(1, peer(1)))).isSameAs(current);
		assertThat(deduplicator.size()).isEqualTo(1);
		assertThat(deduplicator.replacePrevious(key(2, peer(1)), previous, current)).isTrue();
		assertThat(deduplicator.size()).isEqualTo(2);
	}

	@Test
	void startsAndStopsItsSweep() {
		BoundedDeduplicator deduplicator = deduplicator(100, 4, 100);
		deduplicator.setExecutor(this.executor);
		deduplicator.start();
		deduplicator.findPrevious(key(1, peer(1)), exchange());
		deduplicator.stop();
		assertThat(deduplicator.isEmpty()).isTrue();
	}

	private BoundedDeduplicator deduplicator(int maxMessages, int messagesPerPeer, int maxPeers) {
		return new BoundedDeduplicator(new DeduplicationLimits(maxMessages, messagesPerPeer, maxPeers,
				Duration.ofSeconds(247), Duration.ofSeconds(10), false), this.statistics);
	}

	private Exchange exchange() {
		return new Exchange(Request.newGet(), peer(0), Origin.REMOTE, this.executor);
	}

	private static KeyMID key(int mid, Object peer) {
		return new KeyMID(mid, peer);
	}

	private static InetSocketAddress peer(int number) {
		return new InetSocketAddress("127.0.0.1", 10_000 + number);
	}

}
