package io.coapspring.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RedisServer}: a real redis-server, stopped and restarted by PID on the same port.
 */
class RedisServerTests {

	@Test
	void startsAnswersRestartsEmptyAndStops() throws Exception {
		try (RedisServer redis = RedisServer.start()) {
			assertThat(redis.ping()).isTrue();
			assertThat(redis.command("SET k v")).isEqualTo("+OK");
			assertThat(redis.command("DBSIZE")).isEqualTo(":1");
			long pid = redis.getPid();
			redis.restart();
			assertThat(redis.getPid()).isNotEqualTo(pid);
			assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			assertThat(redis.command("DBSIZE")).isEqualTo(":0");
			redis.stop();
			assertThat(redis.ping()).isFalse();
		}
	}

}
