package io.coapspring.server.observe;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.coapspring.server.CoapRequestRoute;
import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import io.coapspring.server.observe.ObserveClient.Observation;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an observe relation keeps for its life (issue 24, "Observe at scale"): the registrations of one peer share
 * its endpoint context, a registration keeps neither its datagram nor its route once served, and the keep-alive
 * holds no timer per observer. Real sockets, a real application, Californium clients.
 */
class ObserverFootprintEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private ConfigurableApplicationContext context;

	private ObserveClient client;

	private ObserveClient other;

	@BeforeEach
	void start() {
		this.context = new SpringApplicationBuilder(ObserveTestApplication.class).web(WebApplicationType.NONE)
			.properties("coap.server.port=0", "spring.main.banner-mode=off")
			.run();
		int port = this.context.getEnvironment()
			.getRequiredProperty(CoapPortInfoApplicationContextInitializer.PORT_PROPERTY, Integer.class);
		this.client = new ObserveClient(port);
		this.other = new ObserveClient(port);
	}

	@AfterEach
	void stop() {
		this.context.close();
		this.client.close();
		this.other.close();
	}

	@Test
	void observersOfOnePeerShareItsEndpointContextUntilTheLastOneEnds() {
		Observation level = this.client.observe("/level");
		Observation door = this.client.observe("/door");
		this.other.observe("/level");
		CoapObservedResources resources = this.context.getBean(CoapObservedResources.class);
		await().atMost(WAIT).until(() -> this.context.getBean(CoapObservations.class).getObserverCount() == 3);
		Request levelRegistration = registration("/level", this.client);
		Request doorRegistration = registration("/door", this.client);
		Request otherRegistration = registration("/level", this.other);
		assertThat(doorRegistration.getSourceContext()).isSameAs(levelRegistration.getSourceContext());
		assertThat(otherRegistration.getSourceContext()).isNotSameAs(levelRegistration.getSourceContext());
		assertThat(otherRegistration.getSourceContext().getPeerAddress())
			.isNotEqualTo(levelRegistration.getSourceContext().getPeerAddress());
		// the shared context still names the peer the notifications go to
		this.context.getBean(ObservedController.class).level.set(7);
		this.context.getBean(CoapNotifier.class).changed("/level");
		level.awaitCount(2);
		assertThat(level.last().getPayloadString()).isEqualTo("7");
		level.relation.proactiveCancel();
		door.relation.proactiveCancel();
		await().atMost(WAIT)
			.until(() -> resources.getObserverCount(levelRegistration.getSourceContext().getPeerAddress()) == 0);
		assertThat(resources.getObserverCount(otherRegistration.getSourceContext().getPeerAddress())).isEqualTo(1);
	}

	@Test
	void registrationKeepsNeitherItsDatagramNorItsRouteOnceServed() {
		Observation level = this.client.observe("/level");
		await().atMost(WAIT).until(() -> this.context.getBean(CoapObservations.class).getObserverCount() == 1);
		Request registration = registration("/level", this.client);
		await().atMost(WAIT).until(() -> CoapRequestRoute.get(registration) == null);
		assertThat(registration.getBytes()).isNull();
		// its query, options and token are still there to be served again
		this.context.getBean(CoapNotifier.class).changed("/level");
		level.awaitCount(2);
		assertThat(level.last().getToken()).isEqualTo(level.first().getToken());
	}

	@Test
	void keepAliveIsCheckedAnEighthOfItApartAndAtMostEveryFifteenSeconds() {
		assertThat(CoapObservations.keepAliveCheckNanos(TimeUnit.MINUTES.toNanos(2)))
			.isEqualTo(TimeUnit.SECONDS.toNanos(15));
		assertThat(CoapObservations.keepAliveCheckNanos(TimeUnit.SECONDS.toNanos(1)))
			.isEqualTo(TimeUnit.MILLISECONDS.toNanos(125));
		assertThat(CoapObservations.keepAliveCheckNanos(-1)).isEqualTo(-1);
	}

	private Request registration(String path, ObserveClient from) {
		CoapHandlerResource resource = this.context.getBean(CoapObservedResources.class).get(path);
		assertThat(resource).isNotNull();
		List<Request> requests = resource.getObservers()
			.stream()
			.map((observer) -> observer.getRelation().getExchange().getRequest())
			.filter((request) -> request.getSourceContext().getPeerAddress().getPort() == from.getEndpoint()
				.getAddress()
				.getPort())
			.toList();
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

}
