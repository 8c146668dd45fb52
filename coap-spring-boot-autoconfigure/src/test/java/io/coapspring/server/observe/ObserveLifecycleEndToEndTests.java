package io.coapspring.server.observe;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.coapspring.client.CoapClientResponseException;
import io.coapspring.client.CoapObservation;
import io.coapspring.client.CoapTemplate;
import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import io.coapspring.server.observe.ObserveClient.Observation;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.config.CoapConfig;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every way an observation ends: the client deregisters (GET with Observe=1, or RST to a notification), registers
 * again with the same token, disappears (its confirmable notification times out), or the server stops (a final
 * 5.03 Service Unavailable without Observe option).
 */
class ObserveLifecycleEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(ObserveTestApplication.class).web(WebApplicationType.NONE)
			.properties("coap.server.port=0", "spring.main.banner-mode=off")
			.properties(properties)
			.run();
	}

	/**
	 * Close the server before the client, so that a client still observing acknowledges its final response.
	 */
	private static void close(ConfigurableApplicationContext context, ObserveClient... clients) {
		context.close();
		for (ObserveClient client : clients) {
			client.close();
		}
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment()
			.getRequiredProperty(CoapPortInfoApplicationContextInitializer.PORT_PROPERTY, Integer.class);
	}

	/**
	 * Wait for an observation's final 5.03, wherever the client recorded it among the responses; on time-out, fail
	 * with what the client received and the state of every thread, so that a failure on a loaded CI host says where
	 * the final response got stuck.
	 */
	private static Response awaitServiceUnavailable(String path, Observation observation,
			CompletableFuture<Void> closed) {
		try {
			await().atMost(WAIT)
				.until(() -> observation.responses.stream()
					.anyMatch((response) -> response.getCode() == ResponseCode.SERVICE_UNAVAILABLE));
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("No final 5.03 for " + path + " within " + WAIT + "; received "
					+ observation.responses + ", error " + observation.error + ", context closed " + closed.isDone()
					+ "\n" + threadDump(), ex);
		}
		return observation.responses.stream()
			.filter((response) -> response.getCode() == ResponseCode.SERVICE_UNAVAILABLE)
			.findFirst()
			.orElseThrow();
	}

	private static String threadDump() {
		StringBuilder dump = new StringBuilder();
		for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
			dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
			if (thread.getLockName() != null) {
				dump.append(" on ").append(thread.getLockName());
			}
			dump.append('\n');
			for (StackTraceElement element : thread.getStackTrace()) {
				dump.append("\tat ").append(element).append('\n');
			}
		}
		return dump.toString();
	}

	@Test
	void clientsDeregisterWithObserveOneOrAReset() {
		ConfigurableApplicationContext context = start();
		ObserveClient client = new ObserveClient(port(context));
		try {
			CoapNotifier notifier = context.getBean(CoapNotifier.class);
			CoapTemplate coap = context.getBean(CoapTemplate.class);
			CoapObservation<Integer> template = coap.observe("coap://127.0.0.1:" + port(context) + "/level",
					Integer.class, (value) -> {
					});
			Observation proactive = client.observe("/level");
			Observation reactive = client.observe("/level");
			await().atMost(WAIT).until(() -> notifier.getObserverCount("/level") == 3);
			// GET with Observe=1 (RFC 7641 section 3.6)
			template.cancel();
			proactive.relation.proactiveCancel();
			await().atMost(WAIT).until(() -> notifier.getObserverCount("/level") == 1);
			// a RST in reply to the next notification (RFC 7641 section 3.6)
			reactive.relation.reactiveCancel();
			notifier.changed("/level");
			await().atMost(WAIT).until(() -> notifier.getObserverCount("/level") == 0);
			await().atMost(WAIT).until(() -> context.getBean(CoapObservations.class).getObserverCount() == 0);
		}
		finally {
			close(context, client);
		}
	}

	@Test
	void aRegistrationWithTheSameTokenReplacesTheObservation() {
		ConfigurableApplicationContext context = start();
		ObserveClient client = new ObserveClient(port(context));
		try {
			CoapNotifier notifier = context.getBean(CoapNotifier.class);
			Request first = client.get("/level?gt=100");
			first.setToken(Token.fromProvider(new byte[] { 1, 2, 3, 4, 5, 6, 7, 9 }));
			Observation observation = client.observe(first);
			await().atMost(WAIT).until(() -> notifier.getObserverCount("/level") == 1);
			Request again = client.get("/level");
			again.setToken(Token.fromProvider(new byte[] { 1, 2, 3, 4, 5, 6, 7, 9 }));
			again.setObserve();
			assertThat(client.send(again).getOptions().hasObserve()).isTrue();
			await().atMost(WAIT).until(() -> notifier.getObserverCount("/level") == 1
					&& notifier.getObserverCount("/level?gt=100") == 0);
			observation.relation.proactiveCancel();
		}
		finally {
			close(context, client);
		}
	}

	@Test
	void anObserverWhoseConfirmableNotificationTimesOutIsRemoved() {
		ConfigurableApplicationContext context = start("coap.network.ack-timeout=100ms",
				"coap.network.ack-random-factor=1.0", "coap.network.max-retransmit=1",
				"coap.observe.notification-type=con");
		ObserveClient vanishing = new ObserveClient(port(context));
		ObserveClient staying = new ObserveClient(port(context));
		try {
			CoapNotifier notifier = context.getBean(CoapNotifier.class);
			Observation observation = vanishing.observe("/level");
			assertThat(observation.first().getOptions().hasObserve()).isTrue();
			Observation other = staying.observe("/level");
			await().atMost(WAIT).until(() -> notifier.getObserverCount("/level") == 2);
			vanishing.close();
			notifier.changed("/level");
			// ACK timeout 100 ms, one retransmission: the notification times out after about 300 ms
			await().atMost(WAIT).until(() -> notifier.getObserverCount("/level") == 1);
			other.awaitCount(2);
			assertThat(other.last().getType()).isEqualTo(Type.CON);
		}
		finally {
			close(context, staying);
		}
	}

	@Test
	void stoppingTheServerEndsEveryObservationWithAFinalServiceUnavailable() throws Exception {
		ConfigurableApplicationContext context = start("coap.server.shutdown-timeout=5s");
		try (ObserveClient client = new ObserveClient(port(context), (configuration) -> configuration
			.set(CoapConfig.ACK_TIMEOUT, 200, TimeUnit.MILLISECONDS))) {
			Observation mapped = client.observe("/level");
			Observation stream = client.observe("/ticks");
			Observation legacy = client.observe("/legacy");
			assertThat(legacy.first().getOptions().hasObserve()).isTrue();
			AtomicReference<Throwable> templateError = new AtomicReference<>();
			// the application's own client: its endpoints close after the server stopped
			CoapTemplate coap = context.getBean(CoapTemplate.class);
			coap.observe("coap://127.0.0.1:" + port(context) + "/level", Integer.class, (value) -> {
			}, templateError::set);
			CoapNotifier notifier = context.getBean(CoapNotifier.class);
			await().atMost(WAIT).until(() -> notifier.getObserverCount("/level") == 2);
			CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close);
			Map<String, Observation> observations = Map.of("/level", mapped, "/ticks", stream, "/legacy", legacy);
			for (Map.Entry<String, Observation> entry : observations.entrySet()) {
				Response last = awaitServiceUnavailable(entry.getKey(), entry.getValue(), closed);
				assertThat(last.getOptions().hasObserve()).isFalse();
				assertThat(last.getType()).isEqualTo(Type.CON);
			}
			await().atMost(WAIT).until(() -> templateError.get() != null);
			assertThat(templateError.get()).isInstanceOfSatisfying(CoapClientResponseException.class,
					(ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE));
			// every final response was acknowledged: the shutdown does not wait for its timeout
			closed.get(3, TimeUnit.SECONDS);
		}
		finally {
			context.close();
		}
	}

}
