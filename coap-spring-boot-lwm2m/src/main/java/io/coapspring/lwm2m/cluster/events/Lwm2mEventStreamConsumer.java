package io.coapspring.lwm2m.cluster.events;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import io.coapspring.lwm2m.event.Lwm2mEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.core.StreamOperations;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.stream.StreamMessageListenerContainer;
import org.springframework.data.redis.stream.StreamMessageListenerContainer.StreamMessageListenerContainerOptions;
import org.springframework.util.Assert;

/**
 * Reads the cluster's Redis Stream of LWM2M events and publishes each event to this node's application listeners,
 * on a thread of its own ({@code lwm2m-cluster-events-N}), never on Californium's protocol threads.
 * <ul>
 * <li><b>Once per cluster</b> (a consumer group is given): every node reads with {@code XREADGROUP} as a consumer
 * of the group (named by its node id), so Redis hands each entry to one node; the entry is acknowledged
 * ({@code XACK}) after the listeners returned. An entry left pending (the listener threw, the node died) for the
 * claim idle time is taken over by whichever node looks first ({@code XPENDING IDLE} then {@code XCLAIM} with the
 * same minimum idle time, so only one node wins; Spring Data Redis has no {@code XAUTOCLAIM}) and delivered again;
 * after the maximum number of deliveries it is acknowledged and counted as failed. Delivery is at least once.
 * Each node keeps a key {@code <stream>:alive:<node id>} that expires after ten times the claim idle time unless
 * refreshed; the consumer of a node whose key expired, with nothing pending and idle that long, is removed from the
 * group.</li>
 * <li><b>Every node</b> (no group): every node reads the whole stream with {@code XREAD} from the entry that was
 * last when it started; an event reaches every node that is up and connected, at most once each.</li>
 * </ul>
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mEventStreamConsumer implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(Lwm2mEventStreamConsumer.class);

	private static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

	private static final int CLAIM_BATCH = 100;

	private final RedisConnectionFactory connectionFactory;

	private final StringRedisTemplate redis;

	private final StreamOperations<String, String, String> stream;

	private final String key;

	private final @Nullable Consumer consumer;

	private final Lwm2mEventCodec codec;

	private final ApplicationEventPublisher local;

	private final Supplier<Object> source;

	private final Duration claimIdle;

	private final int maxDeliveries;

	private final Lwm2mEventCounters counters;

	private final AtomicBoolean failing = new AtomicBoolean();

	private volatile boolean stopping;

	private @Nullable StreamMessageListenerContainer<String, MapRecord<String, String, String>> container;

	private @Nullable ScheduledExecutorService claimer;

	/**
	 * Create a consumer.
	 * @param connectionFactory the Redis connections
	 * @param redis the Redis template
	 * @param key the stream's key
	 * @param consumer the consumer group and this node's name in it (once per cluster), or {@code null} (every node)
	 * @param codec the codec of the entries
	 * @param local this node's application events
	 * @param source the source of the events published here (this node's server)
	 * @param claimIdle how long an entry stays pending before it is claimed
	 * @param maxDeliveries how many times an entry is delivered at most
	 * @param counters the counters
	 */
	public Lwm2mEventStreamConsumer(RedisConnectionFactory connectionFactory, StringRedisTemplate redis, String key,
			@Nullable Consumer consumer, Lwm2mEventCodec codec, ApplicationEventPublisher local,
			Supplier<Object> source, Duration claimIdle, int maxDeliveries, Lwm2mEventCounters counters) {
		Assert.isTrue(claimIdle.toMillis() > 0, "'claimIdle' must be positive");
		Assert.isTrue(maxDeliveries > 0, "'maxDeliveries' must be positive");
		this.connectionFactory = connectionFactory;
		this.redis = redis;
		this.stream = redis.opsForStream();
		this.key = key;
		this.consumer = consumer;
		this.codec = codec;
		this.local = local;
		this.source = source;
		this.claimIdle = claimIdle;
		this.maxDeliveries = maxDeliveries;
		this.counters = counters;
	}

	@Override
	public void start() {
		this.stopping = false;
		SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("lwm2m-cluster-events-");
		executor.setDaemon(true);
		StreamMessageListenerContainerOptions<String, MapRecord<String, String, String>> options = StreamMessageListenerContainerOptions
			.builder()
			.pollTimeout(POLL_TIMEOUT)
			.batchSize(CLAIM_BATCH)
			.executor(executor)
			.build();
		StreamMessageListenerContainer<String, MapRecord<String, String, String>> container = StreamMessageListenerContainer
			.create(this.connectionFactory, options);
		Consumer consumer = this.consumer;
		if (consumer != null) {
			createGroup(consumer.getGroup());
			markAlive(consumer);
			container.register(StreamMessageListenerContainer.StreamReadRequest
				.builder(StreamOffset.create(this.key, ReadOffset.lastConsumed()))
				.consumer(consumer)
				.autoAcknowledge(false)
				.cancelOnError((ex) -> false)
				.errorHandler(this::readFailed)
				.build(), this::handle);
			ScheduledExecutorService claimer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
				Thread thread = new Thread(runnable, "lwm2m-cluster-events-claim");
				thread.setDaemon(true);
				return thread;
			});
			long period = Math.max(50, this.claimIdle.toMillis() / 2);
			claimer.scheduleWithFixedDelay(this::claim, period, period, TimeUnit.MILLISECONDS);
			this.claimer = claimer;
		}
		else {
			container.register(StreamMessageListenerContainer.StreamReadRequest
				.builder(StreamOffset.create(this.key, ReadOffset.from(lastId())))
				.cancelOnError((ex) -> false)
				.errorHandler(this::readFailed)
				.build(), this::handle);
		}
		container.start();
		this.container = container;
	}

	@Override
	public void stop() {
		// a poll under way ends when the connections close: not an error to report
		this.stopping = true;
		ScheduledExecutorService claimer = this.claimer;
		if (claimer != null) {
			claimer.shutdownNow();
			this.claimer = null;
		}
		StreamMessageListenerContainer<String, MapRecord<String, String, String>> container = this.container;
		if (container != null) {
			container.stop();
			this.container = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.container != null;
	}

	private void createGroup(String group) {
		try {
			// MKSTREAM: the group starts at the end of a new (or existing) stream
			this.stream.createGroup(this.key, ReadOffset.latest(), group);
		}
		catch (RuntimeException ex) {
			if (!messages(ex).contains("BUSYGROUP")) {
				throw ex;
			}
		}
	}

	private String lastId() {
		List<MapRecord<String, String, String>> last = this.stream.reverseRange(this.key, Range.unbounded(),
				Limit.limit().count(1));
		return (last == null || last.isEmpty()) ? "0-0" : last.get(0).getId().getValue();
	}

	/**
	 * Deliver one entry to this node's listeners; in a group, acknowledge it once they returned, or once it turned
	 * out unreadable.
	 * @param record the entry
	 */
	void handle(MapRecord<String, String, String> record) {
		recovered();
		Lwm2mEvent event;
		try {
			event = this.codec.decode(record.getValue(), this.source.get());
		}
		catch (RuntimeException ex) {
			this.counters.failed();
			logger.warn("LWM2M event stream entry {} of {} cannot be read, dropped: {}", record.getId(), this.key,
					ex.getMessage());
			acknowledge(record.getId().getValue());
			return;
		}
		try {
			this.local.publishEvent(event);
		}
		catch (RuntimeException ex) {
			this.counters.failed();
			logger.warn("LWM2M event listener failed on {} of '{}' (stream entry {}){}",
					event.getClass().getSimpleName(), event.getEndpoint(), record.getId(),
					(this.consumer != null) ? "; left pending, delivered again after " + this.claimIdle : "", ex);
			return;
		}
		this.counters.delivered();
		acknowledge(record.getId().getValue());
	}

	/**
	 * Acknowledge an entry in the group.
	 * @param id the entry's id
	 * @return whether the entry was pending and is no longer
	 */
	private boolean acknowledge(String id) {
		Consumer consumer = this.consumer;
		if (consumer == null) {
			return false;
		}
		try {
			Long acknowledged = this.stream.acknowledge(this.key, consumer.getGroup(), id);
			return acknowledged != null && acknowledged > 0;
		}
		catch (RuntimeException ex) {
			// still pending: claimed and delivered again (at least once)
			this.counters.error();
			logger.warn("LWM2M event stream entry {} not acknowledged ({}); it will be delivered again", id,
					ex.getMessage());
			return false;
		}
	}

	/**
	 * Take over the entries pending longer than the claim idle time (of any consumer, this one included) and
	 * deliver them again; give up on those delivered the maximum number of times; remove consumers gone long ago.
	 */
	void claim() {
		Consumer consumer = this.consumer;
		if (consumer == null) {
			return;
		}
		try {
			markAlive(consumer);
			for (PendingMessage pending : this.stream.pending(this.key, consumer.getGroup(), Range.unbounded(),
					CLAIM_BATCH, this.claimIdle)) {
				if (pending.getTotalDeliveryCount() >= this.maxDeliveries) {
					// several nodes may see it: the one whose XACK removed it reports it
					if (acknowledge(pending.getIdAsString())) {
						this.counters.failed();
						logger.warn("LWM2M event stream entry {} given up after {} deliveries (last consumer {})",
								pending.getId(), pending.getTotalDeliveryCount(), pending.getConsumerName());
					}
					continue;
				}
				// XCLAIM with the same minimum idle time: of several nodes claiming, one gets the entry
				for (MapRecord<String, String, String> record : this.stream.claim(this.key, consumer.getGroup(),
						consumer.getName(), this.claimIdle, pending.getId())) {
					this.counters.claimed();
					handle(record);
				}
			}
			removeGoneConsumers(consumer);
			recovered();
		}
		catch (RuntimeException ex) {
			readFailed(ex);
		}
	}

	/**
	 * Mark this node's consumer as alive for the time after which a consumer counts as gone; refreshed at every
	 * claim round, so the key of a running node never expires, and the key of a node gone expires on its own.
	 * @param self this node's consumer
	 */
	private void markAlive(Consumer self) {
		this.redis.opsForValue().set(aliveKey(self.getName()), "1", goneAfter());
	}

	/**
	 * Remove the consumers of nodes that are gone: not alive (their key expired), nothing pending, and idle for
	 * ten times the claim idle time. The idle time alone does not tell: before Redis 7.2 a consumer's idle time
	 * grows while its node polls and receives nothing.
	 * @param self this node's consumer
	 */
	private void removeGoneConsumers(Consumer self) {
		long gone = goneAfter().toMillis();
		this.stream.consumers(this.key, self.getGroup()).forEach((info) -> {
			String name = info.consumerName();
			if (!name.equals(self.getName()) && info.pendingCount() == 0 && info.idleTimeMs() > gone
					&& !Boolean.TRUE.equals(this.redis.hasKey(aliveKey(name)))) {
				this.stream.deleteConsumer(this.key, Consumer.from(self.getGroup(), name));
			}
		});
	}

	private Duration goneAfter() {
		return this.claimIdle.multipliedBy(10);
	}

	private String aliveKey(String consumerName) {
		return this.key + ":alive:" + consumerName;
	}

	private void readFailed(Throwable ex) {
		if (this.stopping) {
			return;
		}
		Consumer consumer = this.consumer;
		String message = messages(ex);
		if (consumer != null && message.contains("NOGROUP")) {
			// Redis lost the stream (restarted without persistence): start again at its end
			logger.warn("LWM2M event stream {} lost its consumer group; creating it again", this.key);
			try {
				createGroup(consumer.getGroup());
			}
			catch (RuntimeException retry) {
				logger.debug("Consumer group not created", retry);
			}
		}
		else if (this.failing.compareAndSet(false, true)) {
			logger.warn("LWM2M event stream {} cannot be read from Redis: {}; retrying", this.key, message);
		}
		else {
			logger.debug("LWM2M event stream {} still cannot be read: {}", this.key, message);
		}
		this.counters.error();
		// do not spin against a Redis that refuses connections
		LockSupport.parkNanos(POLL_TIMEOUT.toNanos());
	}

	private void recovered() {
		if (this.failing.compareAndSet(true, false)) {
			logger.info("LWM2M event stream {} readable again", this.key);
		}
	}

	private static String messages(Throwable ex) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			messages.append(cause.getMessage()).append(' ');
		}
		return messages.toString().trim();
	}

}
