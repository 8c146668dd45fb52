package io.coapspring.autoconfigure;

import java.util.stream.Stream;

import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests that every range check of {@link CoapPropertiesValidator} fails start-up with a message naming the
 * property and the allowed range.
 *
 * @author CoAP Spring Boot team
 */
class CoapPropertiesValidationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class, CoapServerAutoConfiguration.class))
		.withInitializer(new CoapPortInfoApplicationContextInitializer())
		.withPropertyValues("coap.server.port=0");

	@ParameterizedTest(name = "{0}={1}")
	@MethodSource("invalidValues")
	void invalidValueFailsStartUp(String property, String value, String range) {
		this.contextRunner.withPropertyValues(property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			Throwable rootCause = NestedExceptionUtils.getRootCause(context.getStartupFailure());
			assertThat(rootCause).isInstanceOf(InvalidConfigurationPropertyValueException.class);
			InvalidConfigurationPropertyValueException invalid = (InvalidConfigurationPropertyValueException) rootCause;
			assertThat(invalid.getName()).isEqualTo(property);
			assertThat(invalid.getMessage()).contains(property).contains(range);
		});
	}

	@ParameterizedTest(name = "{0}={1}")
	@MethodSource("validBoundaryValues")
	void boundaryValueIsAccepted(String property, String value) {
		this.contextRunner.withPropertyValues("coap.server.enabled=false", property + "=" + value)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	static Stream<Arguments> invalidValues() {
		return Stream.of(arguments("coap.server.port", "-1", "must be between 0 and 65535"),
				arguments("coap.server.port", "65536", "must be between 0 and 65535"),
				arguments("coap.server.shutdown-timeout", "-1s", "must not be negative"),
				arguments("coap.network.ack-timeout", "0s", "must be a positive duration"),
				arguments("coap.network.ack-random-factor", "0.99", "must be at least 1.0"),
				arguments("coap.network.ack-timeout-scale", "0.5", "must be at least 1.0"),
				arguments("coap.network.max-retransmit", "0", "must be between 1 and 20"),
				arguments("coap.network.max-retransmit", "21", "must be between 1 and 20"),
				arguments("coap.network.nstart", "0", "must be at least 1"),
				arguments("coap.network.max-latency", "0s", "must be a positive duration"),
				arguments("coap.network.exchange-lifetime", "0s", "must be a positive duration"),
				arguments("coap.network.non-lifetime", "-1s", "must be a positive duration"),
				arguments("coap.network.piggyback-reply", "-1ms", "must not be negative"),
				arguments("coap.network.protocol-stage-threads", "-1", "must be between 0 and 1024"),
				arguments("coap.network.protocol-stage-threads", "1025", "must be between 0 and 1024"),
				arguments("coap.network.udp-receiver-threads", "0", "must be between 1 and 1024"),
				arguments("coap.network.udp-sender-threads", "1025", "must be between 1 and 1024"),
				arguments("coap.network.max-active-peers", "0", "must be at least 1"),
				arguments("coap.network.max-peer-inactivity-period", "0s", "must be a positive duration"),
				arguments("coap.blockwise.preferred-block-size", "8B", "must be a power of two from 16B to 1024B"),
				arguments("coap.blockwise.preferred-block-size", "100B", "must be a power of two from 16B to 1024B"),
				arguments("coap.blockwise.preferred-block-size", "2KB", "must be a power of two from 16B to 1024B"),
				arguments("coap.blockwise.max-message-size", "15B", "must be between 16B and 65507B"),
				arguments("coap.blockwise.max-message-size", "65508B", "must be between 16B and 65507B"),
				arguments("coap.blockwise.max-resource-body-size", "0B", "must be between 1B and 2147483647B"),
				arguments("coap.blockwise.max-resource-body-size", "2GB", "must be between 1B and 2147483647B"),
				arguments("coap.blockwise.status-lifetime", "0s", "must be a positive duration"),
				arguments("coap.deduplication.sweep-interval", "0s", "must be a positive duration"),
				arguments("coap.deduplication.messages-per-peer", "3", "must be at least 4"),
				arguments("coap.deduplication.max-messages", "0", "must be at least 1"),
				arguments("coap.observe.notification-check-interval-count", "0", "must be at least 1"),
				arguments("coap.observe.notification-check-interval-time", "-5m", "must be a positive duration"),
				arguments("coap.observe.max-observers", "-1", "must be at least 0"),
				arguments("coap.client.timeout", "0s", "must be a positive duration"),
				arguments("coap.proxy.timeout", "0s", "must be a positive duration"),
				arguments("coap.proxy.cache.max-entries", "-1", "must be at least 0"),
				arguments("coap.proxy.cache.max-size", "-1B", "must not be negative"),
				arguments("coap.proxy.schemes", "not a scheme", "must be a URI scheme"),
				arguments("coap.proxy.allowed-destinations", "10.0.0.0/40", "prefix length outside 0..32"),
				arguments("coap.proxy.allowed-destinations", "bad host", "not a host name, address or CIDR range"),
				arguments("coap.proxy.http.path-prefix", "coap", "must be a literal path that starts with '/'"),
				arguments("coap.proxy.http.path-prefix", "/coap/", "must be a literal path that starts with '/'"),
				arguments("coap.proxy.http.path-prefix", "/", "must be a literal path that starts with '/'"));
	}

	static Stream<Arguments> validBoundaryValues() {
		return Stream.of(arguments("coap.server.port", "65535"), arguments("coap.server.shutdown-timeout", "0s"),
				arguments("coap.network.ack-random-factor", "1.0"), arguments("coap.network.ack-timeout-scale", "1.0"),
				arguments("coap.network.max-retransmit", "1"), arguments("coap.network.max-retransmit", "20"),
				arguments("coap.network.piggyback-reply", "0ms"),
				arguments("coap.network.protocol-stage-threads", "0"),
				arguments("coap.blockwise.preferred-block-size", "16B"),
				arguments("coap.blockwise.preferred-block-size", "1KB"),
				arguments("coap.blockwise.max-message-size", "16B"),
				arguments("coap.blockwise.max-message-size", "65507B"),
				arguments("coap.deduplication.messages-per-peer", "4"), arguments("coap.observe.max-observers", "0"),
				arguments("coap.deduplication.max-messages", "1"),
				arguments("coap.proxy.cache.max-entries", "0"), arguments("coap.proxy.cache.max-size", "0B"),
				arguments("coap.proxy.allowed-destinations", "::/0"),
				arguments("coap.proxy.http.path-prefix", "/gateway/coap"));
	}

}
