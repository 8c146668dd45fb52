package io.coapspring.autoconfigure;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.TimeDefinition;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Tests that every {@code coap.*} property reaches the Californium {@link Configuration} built by
 * {@link CaliforniumConfigurationFactory}, or {@link CoapProperties} where it has no Californium
 * counterpart.
 *
 * @author CoAP Spring Boot team
 */
class CoapPropertiesBindingTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class, CoapServerAutoConfiguration.class))
		.withInitializer(new CoapPortInfoApplicationContextInitializer())
		.withPropertyValues("coap.server.port=0");

	@ParameterizedTest
	@MethodSource("configurationProperties")
	void propertyIsAppliedToTheConfiguration(String property, Function<Configuration, Object> value, Object expected) {
		this.contextRunner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(value.apply(context.getBean(Configuration.class))).isEqualTo(expected);
		});
	}

	static Stream<Arguments> configurationProperties() {
		return Stream.of(
				set("coap.network.ack-timeout=500ms", time(CoapConfig.ACK_TIMEOUT), 500L),
				set("coap.network.ack-random-factor=1.25", (c) -> c.get(CoapConfig.ACK_INIT_RANDOM), 1.25f),
				set("coap.network.ack-timeout-scale=1.5", (c) -> c.get(CoapConfig.ACK_TIMEOUT_SCALE), 1.5f),
				set("coap.network.max-retransmit=2", (c) -> c.get(CoapConfig.MAX_RETRANSMIT), 2),
				set("coap.network.nstart=3", (c) -> c.get(CoapConfig.NSTART), 3),
				set("coap.network.max-latency=10s", time(CoapConfig.MAX_LATENCY), 10_000L),
				set("coap.network.exchange-lifetime=30s", time(CoapConfig.EXCHANGE_LIFETIME), 30_000L),
				set("coap.network.non-lifetime=20s", time(CoapConfig.NON_LIFETIME), 20_000L),
				set("coap.network.protocol-stage-threads=3", (c) -> c.get(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT), 3),
				set("coap.network.udp-receiver-threads=2", (c) -> c.get(UdpConfig.UDP_RECEIVER_THREAD_COUNT), 2),
				set("coap.network.udp-sender-threads=3", (c) -> c.get(UdpConfig.UDP_SENDER_THREAD_COUNT), 3),
				set("coap.network.max-active-peers=500", (c) -> c.get(CoapConfig.MAX_ACTIVE_PEERS), 500),
				set("coap.network.max-peer-inactivity-period=2m", time(CoapConfig.MAX_PEER_INACTIVITY_PERIOD),
						120_000L),
				set("coap.network.message-offloading=false", (c) -> c.get(CoapConfig.USE_MESSAGE_OFFLOADING), false),
				set("coap.blockwise.max-message-size=512B", (c) -> c.get(CoapConfig.MAX_MESSAGE_SIZE), 512),
				set("coap.blockwise.preferred-block-size=256B", (c) -> c.get(CoapConfig.PREFERRED_BLOCK_SIZE), 256),
				set("coap.blockwise.max-resource-body-size=64KB", (c) -> c.get(CoapConfig.MAX_RESOURCE_BODY_SIZE),
						65_536),
				set("coap.blockwise.status-lifetime=30s", time(CoapConfig.BLOCKWISE_STATUS_LIFETIME), 30_000L),
				set("coap.deduplication.mode=mark-and-sweep", (c) -> c.get(CoapConfig.DEDUPLICATOR),
						CoapConfig.DEDUPLICATOR_MARK_AND_SWEEP),
				set("coap.deduplication.mode=peers-mark-and-sweep", (c) -> c.get(CoapConfig.DEDUPLICATOR),
						CoapConfig.DEDUPLICATOR_PEERS_MARK_AND_SWEEP),
				set("coap.deduplication.mode=crop-rotation", (c) -> c.get(CoapConfig.DEDUPLICATOR),
						CoapConfig.DEDUPLICATOR_CROP_ROTATION),
				set("coap.deduplication.mode=none", (c) -> c.get(CoapConfig.DEDUPLICATOR), CoapConfig.NO_DEDUPLICATOR),
				set("coap.deduplication.sweep-interval=3s", time(CoapConfig.MARK_AND_SWEEP_INTERVAL), 3_000L),
				set("coap.deduplication.sweep-interval=4s", time(CoapConfig.CROP_ROTATION_PERIOD), 4_000L),
				set("coap.deduplication.messages-per-peer=16", (c) -> c.get(CoapConfig.PEERS_MARK_AND_SWEEP_MESSAGES),
						16),
				set("coap.observe.notification-check-interval-count=10",
						(c) -> c.get(CoapConfig.NOTIFICATION_CHECK_INTERVAL_COUNT), 10),
				set("coap.observe.notification-check-interval-time=1h",
						time(CoapConfig.NOTIFICATION_CHECK_INTERVAL_TIME), 3_600_000L),
				set("coap.observe.max-observers=100", (c) -> c.get(CoapConfig.MAX_SERVER_OBSERVES), 100));
	}

	@Test
	void transmissionParametersDeriveTheLifetimes() {
		this.contextRunner
			.withPropertyValues("coap.network.ack-timeout=1s", "coap.network.max-retransmit=2",
					"coap.network.max-latency=10s")
			.run((context) -> {
				Configuration configuration = context.getBean(Configuration.class);
				// span = 1 s * 1.5 * (1 + 2) = 4.5 s, wait = 1 s * 1.5 * (1 + 2 + 4) = 10.5 s
				assertThat(time(CoapConfig.MAX_TRANSMIT_WAIT).apply(configuration)).isEqualTo(10_500L);
				assertThat(time(CoapConfig.EXCHANGE_LIFETIME).apply(configuration)).isEqualTo(4_500L + 20_000 + 1_000);
				assertThat(time(CoapConfig.NON_LIFETIME).apply(configuration)).isEqualTo(4_500L + 10_000);
			});
	}

	@Test
	void largeMessagesGrowTheDatagramBuffer() {
		this.contextRunner.withPropertyValues("coap.blockwise.max-message-size=4KB").run((context) -> {
			Configuration configuration = context.getBean(Configuration.class);
			assertThat(configuration.get(CoapConfig.MAX_MESSAGE_SIZE)).isEqualTo(4096);
			assertThat(configuration.get(UdpConfig.UDP_DATAGRAM_SIZE)).isEqualTo(4096 + 128);
		});
	}

	@Test
	void serverPortIsTheConfigurationsCoapPort() {
		this.contextRunner.withPropertyValues("coap.server.enabled=false", "coap.server.port=5699").run((context) -> {
			assertThat(context.getBean(Configuration.class).get(CoapConfig.COAP_PORT)).isEqualTo(5699);
			assertThat(context.getBean(CoapProperties.class).getServer().getPort()).isEqualTo(5699);
		});
	}

	@ParameterizedTest
	@MethodSource("otherProperties")
	void propertyWithoutCaliforniumCounterpartIsBound(String property, Function<CoapProperties, Object> value,
			Object expected) {
		this.contextRunner.withPropertyValues("coap.server.enabled=false", property).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(value.apply(context.getBean(CoapProperties.class))).isEqualTo(expected);
		});
	}

	static Stream<Arguments> otherProperties() throws Exception {
		return Stream.of(argumentSet("coap.server.enabled=false", "coap.server.enabled=false",
				(Function<CoapProperties, Object>) (p) -> p.getServer().isEnabled(), false),
				bound("coap.server.address=::1", (p) -> p.getServer().getAddress(), InetAddress.getByName("::1")),
				bound("coap.server.shutdown=immediate", (p) -> p.getServer().getShutdown(),
						CoapProperties.Shutdown.IMMEDIATE),
				bound("coap.server.shutdown-timeout=3s", (p) -> p.getServer().getShutdownTimeout(),
						Duration.ofSeconds(3)),
				bound("coap.network.piggyback-reply=200ms", (p) -> p.getNetwork().getPiggybackReply(),
						Duration.ofMillis(200)),
				bound("coap.client.timeout=5s", (p) -> p.getClient().getTimeout(), Duration.ofSeconds(5)),
				bound("coap.client.confirmable=false", (p) -> p.getClient().isConfirmable(), false));
	}

	private static Arguments set(String property, Function<Configuration, Object> value, Object expected) {
		return argumentSet(property, property, value, expected);
	}

	private static Arguments bound(String property, Function<CoapProperties, Object> value, Object expected) {
		return argumentSet(property, property, value, expected);
	}

	private static Function<Configuration, Object> time(TimeDefinition definition) {
		return (configuration) -> configuration.get(definition, TimeUnit.MILLISECONDS);
	}

}
