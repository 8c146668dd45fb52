package io.coapspring.server.deduplication;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.network.KeyMID;
import org.eclipse.californium.core.network.deduplication.Deduplicator;
import org.eclipse.californium.elements.util.ClockUtil;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;

/**
 * A {@link Deduplicator} whose memory has a total bound that does not grow with the number of peers.
 * <p>
 * Each message is remembered, with its exchange, for the exchange lifetime, in a window per peer; the peers are
 * kept in the order of their last activity. Three bounds hold at all times:
 * <ul>
 * <li>at most {@code messagesPerPeer} messages per peer (if positive): a peer's oldest message makes room for its
 * newest, as Californium's {@code PEERS_MARK_AND_SWEEP} does;</li>
 * <li>at most {@code maxMessages} messages in total: the oldest message of the least recently active peer makes
 * room;</li>
 * <li>at most {@code maxPeers} peers: the least recently active peer is forgotten with all its messages.</li>
 * </ul>
 * Californium's own deduplicators bound a peer's window at most, so a host with many source ports pins one
 * window per port. Here a flood from many ports evicts the windows of the peers that were quiet the longest,
 * whose messages are the least likely to be retransmitted still; every eviction is counted in the
 * {@link DeduplicationStatistics}. A sweep every {@code sweepInterval} forgets messages older than the exchange
 * lifetime. The state per message is one map entry and one slot of its peer's window; no window is allocated
 * ahead of use. A remembered exchange of a plain UDP request keeps its request's source context rather than a
 * second, equal context reported when its response is sent.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class BoundedDeduplicator implements Deduplicator {

	private static final Logger logger = LoggerFactory.getLogger(BoundedDeduplicator.class);

	private final long exchangeLifetimeNanos;

	private final long sweepIntervalMillis;

	private final int maxMessages;

	private final int messagesPerPeer;

	private final int maxPeers;

	private final boolean replace;

	private final DeduplicationStatistics statistics;

	private final Object lock = new Object();

	private final Map<KeyMID, Remembered> messages = new HashMap<>();

	/** Windows by peer, least recently active first. */
	private final LinkedHashMap<Object, ArrayDeque<Remembered>> peers = new LinkedHashMap<>(16, 0.75f, true);

	private @Nullable ScheduledExecutorService executor;

	private @Nullable ScheduledFuture<?> sweep;

	/**
	 * Create a deduplicator.
	 * @param limits its bounds and times
	 * @param statistics the statistics it reports its size and evictions to
	 */
	public BoundedDeduplicator(DeduplicationLimits limits, DeduplicationStatistics statistics) {
		Assert.notNull(limits, "'limits' must not be null");
		Assert.notNull(statistics, "'statistics' must not be null");
		this.exchangeLifetimeNanos = TimeUnit.MILLISECONDS.toNanos(limits.exchangeLifetime().toMillis());
		this.sweepIntervalMillis = Math.max(1, limits.sweepInterval().toMillis());
		this.maxMessages = limits.maxMessages();
		this.messagesPerPeer = limits.messagesPerPeer();
		this.maxPeers = limits.maxPeers();
		this.replace = limits.replace();
		this.statistics = statistics;
		statistics.register(this);
	}

	@Override
	public synchronized void start() {
		if (this.sweep == null) {
			ScheduledExecutorService executor = this.executor;
			Assert.state(executor != null, "No executor set");
			this.sweep = executor.scheduleAtFixedRate(this::sweepSafely, this.sweepIntervalMillis,
					this.sweepIntervalMillis, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.sweep != null) {
			this.sweep.cancel(false);
			this.sweep = null;
			clear();
		}
	}

	@Override
	public synchronized void setExecutor(ScheduledExecutorService executor) {
		Assert.state(this.sweep == null, "The executor of a running deduplicator cannot be set");
		this.executor = executor;
	}

	@Override
	public @Nullable Exchange findPrevious(KeyMID key, Exchange exchange) {
		synchronized (this.lock) {
			Remembered previous = this.messages.get(key);
			if (previous == null) {
				add(key, exchange);
				return null;
			}
			if (this.replace && previous.exchange.getOrigin() != exchange.getOrigin()) {
				forget(previous);
				add(key, exchange);
				return null;
			}
			this.peers.get(key.getPeer()); // a retransmission is activity too
			return previous.exchange;
		}
	}

	@Override
	public boolean replacePrevious(KeyMID key, Exchange previous, Exchange exchange) {
		synchronized (this.lock) {
			Remembered current = this.messages.get(key);
			if (current != null) {
				if (current.exchange != previous) {
					return false;
				}
				forget(current);
			}
			add(key, exchange);
			return true;
		}
	}

	@Override
	public @Nullable Exchange find(KeyMID key) {
		synchronized (this.lock) {
			Remembered remembered = this.messages.get(key);
			return (remembered != null) ? remembered.exchange : null;
		}
	}

	@Override
	public boolean isEmpty() {
		return size() == 0;
	}

	@Override
	public int size() {
		synchronized (this.lock) {
			return this.messages.size();
		}
	}

	/**
	 * Return the number of peers whose messages are remembered.
	 * @return the number of peers
	 */
	public int peers() {
		synchronized (this.lock) {
			return this.peers.size();
		}
	}

	@Override
	public void clear() {
		synchronized (this.lock) {
			this.messages.clear();
			this.peers.clear();
		}
	}

	private void add(KeyMID key, Exchange exchange) {
		if (!exchange.isOfLocalOrigin()) {
			SourceContextReuse.apply(exchange);
		}
		Object peer = key.getPeer();
		Remembered remembered = new Remembered(key, exchange, ClockUtil.nanoRealtime());
		ArrayDeque<Remembered> window = this.peers.get(peer);
		if (window == null) {
			window = new ArrayDeque<>(2);
			this.peers.put(peer, window);
		}
		window.addLast(remembered);
		this.messages.put(key, remembered);
		if (this.messagesPerPeer > 0 && window.size() > this.messagesPerPeer) {
			this.messages.remove(window.pollFirst().key);
			this.statistics.evicted(EvictionReason.MESSAGES_PER_PEER, 1);
		}
		if (this.messages.size() > this.maxMessages) {
			evictOldestOfLeastRecentlyActivePeer();
		}
		if (this.peers.size() > this.maxPeers) {
			evictLeastRecentlyActivePeer();
		}
	}

	private void forget(Remembered remembered) {
		this.messages.remove(remembered.key);
		ArrayDeque<Remembered> window = this.peers.get(remembered.key.getPeer());
		if (window != null) {
			window.removeFirstOccurrence(remembered);
			if (window.isEmpty()) {
				this.peers.remove(remembered.key.getPeer());
			}
		}
	}

	private void evictOldestOfLeastRecentlyActivePeer() {
		Iterator<ArrayDeque<Remembered>> windows = this.peers.values().iterator();
		ArrayDeque<Remembered> window = windows.next();
		this.messages.remove(window.pollFirst().key);
		if (window.isEmpty()) {
			windows.remove();
		}
		this.statistics.evicted(EvictionReason.MAX_MESSAGES, 1);
	}

	private void evictLeastRecentlyActivePeer() {
		Iterator<ArrayDeque<Remembered>> windows = this.peers.values().iterator();
		ArrayDeque<Remembered> window = windows.next();
		windows.remove();
		for (Remembered remembered : window) {
			this.messages.remove(remembered.key);
		}
		this.statistics.evicted(EvictionReason.MAX_PEERS, window.size());
	}

	private void sweepSafely() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			logger.warn("Sweep of the deduplicator failed", ex);
		}
	}

	/**
	 * Forget every message older than the exchange lifetime.
	 */
	void sweep() {
		long oldestAllowed = ClockUtil.nanoRealtime() - this.exchangeLifetimeNanos;
		synchronized (this.lock) {
			Iterator<ArrayDeque<Remembered>> windows = this.peers.values().iterator();
			while (windows.hasNext()) {
				ArrayDeque<Remembered> window = windows.next();
				Remembered oldest;
				while ((oldest = window.peekFirst()) != null && oldest.nanoTimestamp - oldestAllowed < 0) {
					window.pollFirst();
					this.messages.remove(oldest.key);
				}
				if (window.isEmpty()) {
					windows.remove();
				}
			}
		}
	}

	private record Remembered(KeyMID key, Exchange exchange, long nanoTimestamp) {

		@Override
		public boolean equals(@Nullable Object other) {
			return this == other;
		}

		@Override
		public int hashCode() {
			return System.identityHashCode(this);
		}

	}

}
