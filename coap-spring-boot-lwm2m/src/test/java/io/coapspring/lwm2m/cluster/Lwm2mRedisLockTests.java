package io.coapspring.lwm2m.cluster;

import java.nio.charset.StandardCharsets;

import io.coapspring.testsupport.RedisServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Lwm2mRedisLock}, against a real redis-server.
 */
class Lwm2mRedisLockTests {

	private static final byte[] KEY = "LOCK:EP:device-1".getBytes(StandardCharsets.UTF_8);

	@RegisterExtension
	static final RedisServerExtension redis = new RedisServerExtension();

	private final Lwm2mRedisLock lock = new Lwm2mRedisLock();

	@Test
	void releaseDeletesTheHoldersLock() {
		try (Jedis jedis = new Jedis("127.0.0.1", redis.getPort())) {
			byte[] value = this.lock.acquire(jedis, KEY);
			assertThat(jedis.get(KEY)).isEqualTo(value);
			this.lock.release(jedis, KEY, value);
			assertThat(jedis.exists(KEY)).isFalse();
			// free again: taken at once
			this.lock.release(jedis, KEY, this.lock.acquire(jedis, KEY));
			assertThat(jedis.exists(KEY)).isFalse();
		}
	}

	@Test
	void releaseLeavesAnotherHoldersLock() {
		try (Jedis jedis = new Jedis("127.0.0.1", redis.getPort())) {
			byte[] expired = this.lock.acquire(jedis, KEY);
			// the lock expired and another node took it: releasing the stale value must not free the new holder's
			jedis.del(KEY);
			byte[] current = this.lock.acquire(jedis, KEY);
			this.lock.release(jedis, KEY, expired);
			assertThat(jedis.get(KEY)).isEqualTo(current);
			this.lock.release(jedis, KEY, current);
			assertThat(jedis.exists(KEY)).isFalse();
		}
	}

	@Test
	void releaseWithoutValueDeletesNothing() {
		try (Jedis jedis = new Jedis("127.0.0.1", redis.getPort())) {
			byte[] current = this.lock.acquire(jedis, KEY);
			this.lock.release(jedis, KEY, null);
			assertThat(jedis.get(KEY)).isEqualTo(current);
			this.lock.release(jedis, KEY, current);
		}
	}

}
