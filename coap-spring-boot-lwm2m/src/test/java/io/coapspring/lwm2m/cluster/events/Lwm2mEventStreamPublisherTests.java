package io.coapspring.lwm2m.cluster.events;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.coapspring.lwm2m.event.Lwm2mRegisteredEvent;
import io.coapspring.lwm2m.event.Lwm2mRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Lwm2mEventStreamPublisher} when Redis does not answer: a real Lettuce connection to a loopback
 * port nobody listens on.
 */
class Lwm2mEventStreamPublisherTests {

	private LettuceConnectionFactory connectionFactory;

	@AfterEach
	void close() {
		if (this.connectionFactory != null) {
			this.connectionFactory.destroy();
		}
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	@Test
	void anEventRedisDoesNotTakeIsCountedAndPublishedOnThisNode() throws IOException {
		this.connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closedPort()),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		List<Object> local = new CopyOnWriteArrayList<>();
		Lwm2mEventCounters counters = new Lwm2mEventCounters();
		Lwm2mEventStreamPublisher publisher = new Lwm2mEventStreamPublisher(
				new StringRedisTemplate(this.connectionFactory), "events", 100, new Lwm2mEventCodec(), local::add,
				counters);
		Lwm2mRegisteredEvent event = new Lwm2mRegisteredEvent(this,
				new Lwm2mRegistration("dev-1", "Ab12", new InetSocketAddress("127.0.0.1", 5683), Duration.ofMinutes(5),
						"1.1", Set.of("U"), false, List.of("/3/0"), Instant.now(), Instant.now()));
		publisher.deliver(event);
		assertThat(local).containsExactly(event);
		assertThat(counters.getFailed()).isEqualTo(1);
		assertThat(counters.getPublished()).isZero();
		assertThat(counters.getDelivered()).isEqualTo(1);
	}

}
