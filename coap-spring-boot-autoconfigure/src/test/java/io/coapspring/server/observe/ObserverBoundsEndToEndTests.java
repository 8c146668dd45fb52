package io.coapspring.server.observe;

import java.time.Duration;

import io.coapspring.server.observe.ObserveClient.Observation;
import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Observers that leave without saying so (node-coap and aiocoap forget an observation without telling the
 * server) are found out on a resource that never changes: after {@code notification-check-interval-time} without
 * a notification the current state is sent again as CON, and an observer that does not acknowledge it is
 * dropped. And the relations are bounded per peer and in total, a registration beyond either answered 5.03
 * with a Max-Age.
 */
class ObserverBoundsEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(ObserveTestApplication.class).web(WebApplicationType.NONE)
			.properties("coap.server.port=0", "spring.main.banner-mode=off")
			.properties(properties)
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment()
			.getRequiredProperty(CoapPortInfoApplicationContextInitializer.PORT_PROPERTY, Integer.class);
	}

	@Test
	void observerThatLeftWithoutSayingSoIsDroppedOnAQuietResource() {
		ConfigurableApplicationContext context = start("coap.observe.notification-check-interval-time=1s",
				"coap.network.ack-timeout=100ms", "coap.network.ack-random-factor=1.0",
				"coap.network.max-retransmit=1");
		ObserveClient staying = new ObserveClient(port(context));
		try {
			CoapObservations observations = context.getBean(CoapObservations.class);
			ObserveClient vanishing = new ObserveClient(port(context));
			vanishing.observe("/level");
			Observation other = staying.observe("/level");
			await().atMost(WAIT).until(() -> observations.getObserverCount() == 2);
			// forgets the observation without telling the server; /level never changes
			vanishing.close();
			await().atMost(WAIT).until(() -> observations.getObserverCount() == 1);
			// the observer that is still there got the same state again, confirmable, and stays
			other.awaitCount(3);
			assertThat(other.responses.subList(1, 3)).extracting(Response::getType).containsOnly(Type.CON);
			assertThat(other.texts()).containsOnly(other.first().getPayloadString());
			assertThat(observations.getObserverCount()).isEqualTo(1);
		}
		finally {
			context.close();
			staying.close();
		}
	}

	@Test
	void keepAliveCanBeSwitchedOff() {
		ConfigurableApplicationContext context = start("coap.observe.notification-check-interval-time=1s",
				"coap.observe.keep-alive=false");
		ObserveClient client = new ObserveClient(port(context));
		try {
			ObservedController controller = context.getBean(ObservedController.class);
			client.observe("/level").awaitCount(1);
			int reads = controller.levelReads.get();
			// no notification is due: nothing else may happen within three keep-alive periods
			await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
				.until(() -> controller.levelReads.get() == reads);
		}
		finally {
			context.close();
			client.close();
		}
	}

	@Test
	void registrationsBeyondTheBoundOfAPeerAreAnsweredServiceUnavailableWithMaxAge() {
		ConfigurableApplicationContext context = start("coap.observe.max-observers-per-peer=2");
		ObserveClient greedy = new ObserveClient(port(context));
		ObserveClient other = new ObserveClient(port(context));
		try {
			CoapObservations observations = context.getBean(CoapObservations.class);
			assertThat(greedy.observe("/level").first().getOptions().hasObserve()).isTrue();
			assertThat(greedy.observe("/door").first().getOptions().hasObserve()).isTrue();
			Response refused = greedy.observe("/temps/1").first();
			assertThat(refused.getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
			assertThat(refused.getOptions().getMaxAge()).isEqualTo(60);
			assertThat(refused.getOptions().hasObserve()).isFalse();
			assertThat(other.observe("/temps/1").first().getOptions().hasObserve()).isTrue();
			await().atMost(WAIT).until(() -> observations.getObserverCount() == 3);
		}
		finally {
			context.close();
			greedy.close();
			other.close();
		}
	}

	@Test
	void registrationsBeyondTheTotalBoundAreAnsweredServiceUnavailableWithMaxAge() {
		ConfigurableApplicationContext context = start("coap.observe.max-observers=2");
		ObserveClient first = new ObserveClient(port(context));
		ObserveClient second = new ObserveClient(port(context));
		ObserveClient third = new ObserveClient(port(context));
		try {
			assertThat(first.observe("/level").first().getOptions().hasObserve()).isTrue();
			assertThat(second.observe("/level").first().getOptions().hasObserve()).isTrue();
			Response refused = third.observe("/level").first();
			assertThat(refused.getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
			assertThat(refused.getOptions().getMaxAge()).isEqualTo(60);
			assertThat(context.getBean(CoapObservations.class).getObserverCount()).isEqualTo(2);
		}
		finally {
			context.close();
			first.close();
			second.close();
			third.close();
		}
	}

}
