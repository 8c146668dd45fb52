package io.coapspring.cluster;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A node of the cluster tests: its state, the value of {@code /level}, lives in Redis like an application's state
 * lives in a shared database, so that any node serves the same value.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ClusterTestApplication.LevelController.class)
class ClusterTestApplication {

	@CoapController
	static class LevelController {

		private final StringRedisTemplate redis;

		LevelController(StringRedisTemplate redis) {
			this.redis = redis;
		}

		@CoapGetMapping(path = "/level", observable = true)
		String level() {
			String value = this.redis.opsForValue().get("test:level");
			return (value != null) ? value : "none";
		}

		/**
		 * The same value, fresh for one second only: an observer that hears nothing for longer registers again
		 * (RFC 7641 section 3.3.1).
		 * @return the value
		 */
		@CoapGetMapping(path = "/fresh-level", observable = true, maxAge = 1)
		String freshLevel() {
			return level();
		}

	}

}
