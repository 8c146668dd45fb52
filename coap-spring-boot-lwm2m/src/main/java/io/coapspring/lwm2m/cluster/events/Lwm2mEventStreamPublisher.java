package io.coapspring.lwm2m.cluster.events;

import io.coapspring.lwm2m.event.Lwm2mEvent;
import io.coapspring.lwm2m.server.Lwm2mEventDelivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.Assert;

/**
 * Adds each LWM2M event of this node's server to the cluster's Redis Stream ({@code XADD MAXLEN ~}) instead of
 * publishing it here; {@link Lwm2mEventStreamConsumer} delivers it. When Redis does not take the event, it is
 * logged, counted as failed and published to this node's listeners only, so that it is not lost.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mEventStreamPublisher implements Lwm2mEventDelivery {

	private static final Logger logger = LoggerFactory.getLogger(Lwm2mEventStreamPublisher.class);

	private final StringRedisTemplate redis;

	private final String stream;

	private final XAddOptions options;

	private final Lwm2mEventCodec codec;

	private final ApplicationEventPublisher local;

	private final Lwm2mEventCounters counters;

	/**
	 * Create a publisher.
	 * @param redis the Redis template
	 * @param stream the stream's key
	 * @param maxLength the approximate maximum length of the stream
	 * @param codec the codec of the entries
	 * @param local this node's application events, used when Redis does not take an event
	 * @param counters the counters
	 */
	public Lwm2mEventStreamPublisher(StringRedisTemplate redis, String stream, long maxLength, Lwm2mEventCodec codec,
			ApplicationEventPublisher local, Lwm2mEventCounters counters) {
		Assert.isTrue(maxLength > 0, "'maxLength' must be positive");
		this.redis = redis;
		this.stream = stream;
		this.options = XAddOptions.maxlen(maxLength).approximateTrimming(true);
		this.codec = codec;
		this.local = local;
		this.counters = counters;
	}

	@Override
	public void deliver(Lwm2mEvent event) {
		try {
			this.redis.opsForStream()
				.add(StreamRecords.newRecord().in(this.stream).ofMap(this.codec.encode(event)), this.options);
			this.counters.published();
		}
		catch (RuntimeException ex) {
			this.counters.failed();
			logger.warn("LWM2M {} of '{}' not added to the Redis Stream {} ({}); delivered on this node only",
					event.getClass().getSimpleName(), event.getEndpoint(), this.stream, ex.getMessage());
			try {
				this.local.publishEvent(event);
				this.counters.delivered();
			}
			catch (RuntimeException listenerFailure) {
				logger.warn("LWM2M event listener failed on {}", event.getClass().getSimpleName(), listenerFailure);
			}
		}
	}

}
