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

	}

}
