package io.coapspring.server.context;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.coapspring.actuate.health.CoapHealthIndicator;
import io.coapspring.autoconfigure.CoapAutoConfiguration;
import io.coapspring.autoconfigure.CoapHealthContributorAutoConfiguration;
import io.coapspring.autoconfigure.CoapServerAutoConfiguration;
import io.coapspring.server.CoapUdpConnectorFactory;
import io.coapspring.server.PlainCoapProbe;
import io.coapspring.server.WatchedUdpConnector;
import org.awaitility.core.ConditionFactory;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An endpoint whose receiver thread died (an {@link Error} escaped Californium's receive loop, as an
 * {@code OutOfMemoryError} thrown while Californium logs an earlier one does) is reported DOWN, logged once as an
 * ERROR and restarted on its port. The thread is killed by a datagram that makes the connector throw an error
 * whose message cannot be read, so that logging it throws another one, outside Californium's catch.
 */
class CoapEndpointWatchdogEndToEndTests {

	private static final String POISON = "poison";

	private static final String ERROR_LOG = "stopped receiving or sending: network thread(s) UDP-Receiver";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class, CoapServerAutoConfiguration.class,
				CoapHealthContributorAutoConfiguration.class))
		.withUserConfiguration(PoisonableConnectorConfiguration.class)
		.withPropertyValues("coap.server.port=0", "coap.server.address=127.0.0.1");

	@Test
	void endpointWithADeadReceiverThreadIsDown() {
		this.runner.withPropertyValues("coap.server.watchdog-interval=1h").run((context) -> {
			InetSocketAddress address = address(context);
			try (PlainCoapProbe probe = new PlainCoapProbe(address)) {
				assertThat(probe.get("hello", 5_000)).isNotNull();
				assertThat(health(context).getStatus()).isEqualTo(Status.UP);
				poison(address);
				awaitAfterPoison().atMost(Duration.ofSeconds(10))
					.until(() -> health(context).getStatus().equals(Status.DOWN));
				Health health = health(context);
				assertThat(health.getDetails().get("reason").toString())
					.startsWith("CoAP endpoint(s) neither receiving nor sending: coap://127.0.0.1:");
				assertThat(endpoints(health)).singleElement()
					.satisfies((details) -> assertThat(details).containsKey("deadThreads"));
				assertThat(probe.get("hello", 1_000)).as("no answer without a receiver thread").isNull();
			}
		});
	}

	@Test
	void endpointWithADeadReceiverThreadIsRestartedOnItsPortAndTheErrorLoggedOnce() {
		Logger logger = (Logger) LoggerFactory.getLogger(CoapEndpointWatchdog.class);
		ListAppender<ILoggingEvent> events = new ListAppender<>();
		events.start();
		logger.addAppender(events);
		this.runner.withPropertyValues("coap.server.watchdog-interval=100ms").run((context) -> {
			InetSocketAddress address = address(context);
			CoapEndpointWatchdog watchdog = context.getBean(CoapEndpointWatchdog.class);
			try (PlainCoapProbe probe = new PlainCoapProbe(address)) {
				poison(address);
				awaitAfterPoison().atMost(Duration.ofSeconds(20)).until(() -> watchdog.getRestarts() == 1);
				awaitAfterPoison().atMost(Duration.ofSeconds(10)).until(() -> probe.get("hello", 500) != null);
				assertThat(address(context)).isEqualTo(address);
				assertThat(health(context).getStatus()).isEqualTo(Status.UP);
				assertThat(events.list).filteredOn((event) -> event.getLevel() == Level.ERROR)
					.singleElement()
					.extracting(ILoggingEvent::getFormattedMessage)
					.asString()
					.contains(ERROR_LOG);
			}
		});
		logger.detachAppender(events);
	}

	/**
	 * Awaitility fails a wait when any thread dies of an uncaught exception; here the receiver thread's death is
	 * what the test causes.
	 */
	private static ConditionFactory awaitAfterPoison() {
		return await().dontCatchUncaughtExceptions();
	}

	private static InetSocketAddress address(AssertableApplicationContext context) {
		return new InetSocketAddress("127.0.0.1",
				context.getBean(CoapServer.class).getEndpoints().get(0).getAddress().getPort());
	}

	private static Health health(AssertableApplicationContext context) {
		return context.getBean(CoapHealthIndicator.class).health();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> endpoints(Health health) {
		return (List<Map<String, Object>>) health.getDetails().get("endpoints");
	}

	private static void poison(InetSocketAddress address) throws Exception {
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
			byte[] bytes = POISON.getBytes(StandardCharsets.US_ASCII);
			socket.send(new DatagramPacket(bytes, bytes.length, address));
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class PoisonableConnectorConfiguration {

		@Bean
		CoapUdpConnectorFactory poisonableConnectorFactory() {
			return (bindAddress, configuration) -> new WatchedUdpConnector(bindAddress, configuration) {

				@Override
				public void processDatagram(DatagramPacket datagram) {
					if (new String(datagram.getData(), datagram.getOffset(), datagram.getLength(),
							StandardCharsets.US_ASCII)
						.equals(POISON)) {
						throw new UnloggableError();
					}
					super.processDatagram(datagram);
				}

			};
		}

		@Bean
		CoapResource hello() {
			return new CoapResource("hello") {

				@Override
				public void handleGET(CoapExchange exchange) {
					exchange.respond("hello");
				}

			};
		}

	}

	/**
	 * An error whose message cannot be read: logging it throws again, as an {@code OutOfMemoryError} does when
	 * the logger needs memory.
	 */
	static final class UnloggableError extends Error {

		UnloggableError() {
			super(null, null, false, false);
		}

		/**
		 * Logging this error fails with a second error, which escapes Californium's catch and ends the thread.
		 * That second error prints normally: an error whose printing fails again would also break the
		 * uncaught-exception handler's output, and with it the test runner's channel on standard error.
		 */
		@Override
		public String getMessage() {
			throw new Error("simulated failure while logging an earlier error");
		}

	}

}
