package io.coapspring.server.observation;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.coapspring.server.CoapRequestGate;
import io.coapspring.server.CoapServerFactory;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link CoapServerObservationInstrumentation} on a server on 127.0.0.1, asked by a Californium
 * client.
 */
class CoapServerObservationInstrumentationEndToEndTests {

	private final Configuration configuration = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
			SystemConfig.DEFINITIONS);

	private final List<CoapServerObservationContext> stopped = new CopyOnWriteArrayList<>();

	// for each response the endpoint sent, whether its request's observation had stopped by then
	private final List<Boolean> stoppedWhenSent = new CopyOnWriteArrayList<>();

	private CoapServer server;

	private CoapEndpoint clientEndpoint;

	private CoapClient client;

	@BeforeEach
	void startServer() throws Exception {
		this.server = new CoapServerFactory(this.configuration, new CoapRequestGate())
			.createServer(InetAddress.getLoopbackAddress(), 0);
		this.server.add(new CoapResource("greeting") {

			@Override
			public void handleGET(CoapExchange exchange) {
				exchange.respond(ResponseCode.CONTENT, "hello");
			}

		});
		Endpoint endpoint = this.server.getEndpoints().get(0);
		// added before the instrumentation, so that it sees each response before an instrumentation that stopped
		// the observation only once the response had been sent would
		endpoint.addPostProcessInterceptor(new MessageInterceptorAdapter() {

			@Override
			public void sendResponse(Response response) {
				CoapServerObservationInstrumentationEndToEndTests.this.stoppedWhenSent
					.add(CoapServerObservationInstrumentationEndToEndTests.this.stopped.size() == 1);
			}

		});
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new StoppedContexts());
		new CoapServerObservationInstrumentation(registry).customize(this.server);
		this.server.start();
		// an endpoint of its own, so that Californium never builds (and writes) its standard configuration
		this.clientEndpoint = new CoapEndpoint.Builder().setConfiguration(this.configuration)
			.setInetSocketAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
			.build();
		this.client = new CoapClient("coap://127.0.0.1:" + endpoint.getAddress().getPort() + "/greeting");
		this.client.setEndpoint(this.clientEndpoint);
	}

	@AfterEach
	void stopServer() {
		if (this.client != null) {
			this.client.shutdown();
		}
		if (this.clientEndpoint != null) {
			this.clientEndpoint.destroy();
		}
		this.server.destroy();
	}

	@Test
	void aResponseLeavesOnlyOnceItsRequestsObservationHasStopped() throws Exception {
		CoapResponse response = this.client.get();
		assertThat(response.getResponseText()).isEqualTo("hello");
		// a client that has the response finds the request recorded: no waiting
		assertThat(this.stopped).singleElement()
			.satisfies((context) -> assertThat(context.getResponse().getCode()).isEqualTo(ResponseCode.CONTENT));
		// the sender thread tells its interceptors after the datagram left, maybe after the client had it
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.stoppedWhenSent.isEmpty());
		assertThat(this.stoppedWhenSent).containsExactly(true);
	}

	private final class StoppedContexts implements ObservationHandler<CoapServerObservationContext> {

		@Override
		public void onStop(CoapServerObservationContext context) {
			CoapServerObservationInstrumentationEndToEndTests.this.stopped.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return context instanceof CoapServerObservationContext;
		}

	}

}
