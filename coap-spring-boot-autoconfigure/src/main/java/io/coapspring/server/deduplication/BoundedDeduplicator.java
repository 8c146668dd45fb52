package io.coapspring.server.deduplication;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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
 * <p>
 * The peers are spread over {@value #STRIPES} stripes, each with its own lock, so that protocol threads handling
 * different peers do not wait for each other; the totals are counters shared by all stripes, and the least
 * recently active peer is found across the stripes when a total bound is exceeded. While several threads add
 * messages at the same moment, a total can exceed its bound by one message (or peer) per such thread until they
 * return.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class BoundedDeduplicator implements Deduplicator {

	/**
	 * The number of stripes the peers are spread over.
	 */
	static final int STRIPES = 16;

	private static final int STRIPE_BITS = Integer.numberOfTrailingZeros(STRIPES);

	private static final Logger logger = LoggerFactory.getLogger(BoundedDeduplicator.class);

	private final long exchangeLifetimeNanos;

	private final long sweepIntervalMillis;

	private final int maxMessages;

	private final int messagesPerPeer;

	private final int maxPeers;

	private final boolean replace;

	private final DeduplicationStatistics statistics;

	private final Stripe[] stripes = new Stripe[STRIPES];

	/** Messages remembered in all stripes. */
	private final AtomicInteger messageCount = new AtomicInteger();

	/** Peers with a window in any stripe. */
	private final AtomicInteger peerCount = new AtomicInteger();

	/** Orders the activity of peers across the stripes. */
	private final AtomicLong activity = new AtomicLong();

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
		for (int i = 0; i < STRIPES; i++) {
			this.stripes[i] = new Stripe();
		}
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
		Stripe stripe = stripe(key);
		synchronized (stripe) {
			Remembered previous = stripe.messages.get(key);
			if (previous != null && !(this.replace && previous.exchange.getOrigin() != exchange.getOrigin())) {
				Window window = stripe.peers.get(key.getPeer()); // a retransmission is activity too
				if (window != null) {
					window.lastActive = this.activity.incrementAndGet();
				}
				return previous.exchange;
			}
			if (previous != null) {
				forget(stripe, previous);
			}
			add(stripe, key, exchange);
		}
		enforceTotalBounds();
		return null;
	}

	@Override
	public boolean replacePrevious(KeyMID key, Exchange previous, Exchange exchange) {
		Stripe stripe = stripe(key);
		synchronized (stripe) {
			Remembered current = stripe.messages.get(key);
			if (current != null) {
				if (current.exchange != previous) {
					return false;
				}
				forget(stripe, current);
			}
			add(stripe, key, exchange);
		}
		enforceTotalBounds();
		return true;
	}

	@Override
	public @Nullable Exchange find(KeyMID key) {
		Stripe stripe = stripe(key);
		synchronized (stripe) {
			Remembered remembered = stripe.messages.get(key);
			return (remembered != null) ? remembered.exchange : null;
		}
	}

	@Override
	public boolean isEmpty() {
		return size() == 0;
	}

	@Override
	public int size() {
		return this.messageCount.get();
	}

	/**
	 * Return the number of peers whose messages are remembered.
	 * @return the number of peers
	 */
	public int peers() {
		return this.peerCount.get();
	}

	@Override
	public void clear() {
		for (Stripe stripe : this.stripes) {
			synchronized (stripe) {
				this.messageCount.addAndGet(-stripe.messages.size());
				this.peerCount.addAndGet(-stripe.peers.size());
				stripe.messages.clear();
				stripe.peers.clear();
			}
		}
	}

	private Stripe stripe(KeyMID key) {
		return this.stripes[stripeIndex(key.getPeer())];
	}

	/**
	 * Return the stripe of a peer: the top bits of a multiplicative hash, since the stripe's own hash maps index
	 * by the low bits, which must still differ between the peers of one stripe.
	 * @param peer the peer
	 * @return the index of its stripe
	 */
	static int stripeIndex(Object peer) {
		return (peer.hashCode() * 0x9E3779B9) >>> (Integer.SIZE - STRIPE_BITS);
	}

	// with the stripe's lock held
	private void add(Stripe stripe, KeyMID key, Exchange exchange) {
		if (!exchange.isOfLocalOrigin()) {
			SourceContextReuse.apply(exchange);
		}
		Object peer = key.getPeer();
		Remembered remembered = new Remembered(key, exchange, ClockUtil.nanoRealtime());
		Window window = stripe.peers.get(peer);
		if (window == null) {
			window = new Window();
			stripe.peers.put(peer, window);
			this.peerCount.incrementAndGet();
		}
		window.lastActive = this.activity.incrementAndGet();
		window.messages.addLast(remembered);
		stripe.messages.put(key, remembered);
		if (this.messagesPerPeer > 0 && window.messages.size() > this.messagesPerPeer) {
			stripe.messages.remove(window.messages.pollFirst().key);
			this.statistics.evicted(EvictionReason.MESSAGES_PER_PEER, 1);
		}
		else {
			this.messageCount.incrementAndGet();
		}
	}

	// with the stripe's lock held
	private void forget(Stripe stripe, Remembered remembered) {
		stripe.messages.remove(remembered.key);
		this.messageCount.decrementAndGet();
		Window window = stripe.peers.get(remembered.key.getPeer());
		if (window != null) {
			window.messages.removeFirstOccurrence(remembered);
			if (window.messages.isEmpty()) {
				stripe.peers.remove(remembered.key.getPeer());
				this.peerCount.decrementAndGet();
			}
		}
	}

	// without any stripe's lock held: it takes them one after the other
	private void enforceTotalBounds() {
		while (this.messageCount.get() > this.maxMessages && evictFromLeastRecentlyActivePeer(false)) {
			// the oldest message of the least recently active peer made room
		}
		while (this.peerCount.get() > this.maxPeers && evictFromLeastRecentlyActivePeer(true)) {
			// the least recently active peer was forgotten with all its messages
		}
	}

	private boolean evictFromLeastRecentlyActivePeer(boolean wholePeer) {
		Stripe oldest = null;
		long oldestActivity = Long.MAX_VALUE;
		for (Stripe stripe : this.stripes) {
			synchronized (stripe) {
				Window window = stripe.leastRecentlyActive();
				if (window != null && window.lastActive < oldestActivity) {
					oldest = stripe;
					oldestActivity = window.lastActive;
				}
			}
		}
		if (oldest == null) {
			return false;
		}
		synchronized (oldest) {
			Iterator<Window> windows = oldest.peers.values().iterator();
			if (!windows.hasNext()) {
				return true; // emptied meanwhile: look again
			}
			Window window = windows.next();
			if (wholePeer) {
				windows.remove();
				this.peerCount.decrementAndGet();
				for (Remembered remembered : window.messages) {
					oldest.messages.remove(remembered.key);
				}
				this.messageCount.addAndGet(-window.messages.size());
				this.statistics.evicted(EvictionReason.MAX_PEERS, window.messages.size());
			}
			else {
				oldest.messages.remove(window.messages.pollFirst().key);
				this.messageCount.decrementAndGet();
				if (window.messages.isEmpty()) {
					windows.remove();
					this.peerCount.decrementAndGet();
				}
				this.statistics.evicted(EvictionReason.MAX_MESSAGES, 1);
			}
		}
		return true;
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
		for (Stripe stripe : this.stripes) {
			synchronized (stripe) {
				Iterator<Window> windows = stripe.peers.values().iterator();
				while (windows.hasNext()) {
					ArrayDeque<Remembered> window = windows.next().messages;
					Remembered oldest;
					while ((oldest = window.peekFirst()) != null && oldest.nanoTimestamp - oldestAllowed < 0) {
						window.pollFirst();
						stripe.messages.remove(oldest.key);
						this.messageCount.decrementAndGet();
					}
					if (window.isEmpty()) {
						windows.remove();
						this.peerCount.decrementAndGet();
					}
				}
			}
		}
	}

	/**
	 * The peers whose hash falls on one stripe, and their messages; guarded by the stripe itself.
	 */
	private static final class Stripe {

		private final Map<KeyMID, Remembered> messages = new HashMap<>();

		/** Windows by peer, least recently active first. */
		private final LinkedHashMap<Object, Window> peers = new LinkedHashMap<>(16, 0.75f, true);

		@Nullable Window leastRecentlyActive() {
			Iterator<Window> windows = this.peers.values().iterator();
			return windows.hasNext() ? windows.next() : null;
		}

	}

	/**
	 * The messages of one peer, oldest first, and when the peer was last active.
	 */
	private static final class Window {

		private final ArrayDeque<Remembered> messages = new ArrayDeque<>(2);

		private long lastActive;

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
