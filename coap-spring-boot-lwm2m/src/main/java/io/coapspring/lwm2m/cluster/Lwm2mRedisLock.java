package io.coapspring.lwm2m.cluster;

import java.nio.charset.StandardCharsets;

import org.eclipse.leshan.server.redis.SingleInstanceJedisLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;

/**
 * Leshan's per-endpoint lock in Redis ({@link SingleInstanceJedisLock}: {@code SET NX PX} with a random value),
 * released in one round trip instead of three: a Lua script deletes the key only while it still holds this
 * holder's value (the single-instance lock of the Redis documentation), where Leshan uses {@code WATCH}, {@code GET}
 * then {@code MULTI}/{@code DEL}/{@code EXEC}. Keys and values are Leshan's, so nodes with either release share
 * the same locks.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mRedisLock extends SingleInstanceJedisLock {

	private static final Logger logger = LoggerFactory.getLogger(Lwm2mRedisLock.class);

	private static final byte[] RELEASE = ("if redis.call('get', KEYS[1]) == ARGV[1] then "
			+ "return redis.call('del', KEYS[1]) else return 0 end")
		.getBytes(StandardCharsets.US_ASCII);

	@Override
	public void release(Jedis jedis, byte[] lockKey, byte @Nullable [] lockValue) {
		if (lockValue == null) {
			// acquire() failed and threw: nothing of ours to delete
			return;
		}
		Object deleted = jedis.eval(RELEASE, 1, lockKey, lockValue);
		if (!Long.valueOf(1).equals(deleted)) {
			logger.warn("Lock {} had expired when released, {} ms after it was taken",
					new String(lockKey, StandardCharsets.UTF_8), System.currentTimeMillis() - extractTime(lockValue));
		}
	}

}
