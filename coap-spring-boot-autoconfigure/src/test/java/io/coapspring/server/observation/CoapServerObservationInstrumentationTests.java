package io.coapspring.server.observation;

import io.coapspring.server.CoapRequestGate;
import io.coapspring.server.CoapServerFactory;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.server.ServerMessageDeliverer;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapServerObservationInstrumentation} on servers that are not started.
 */
class CoapServerObservationInstrumentationTests {

	private final Configuration configuration = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
			SystemConfig.DEFINITIONS);

	@Test
	void instrumentsEveryEndpointOfTheServer() {
		CoapServer server = new CoapServerFactory(this.configuration, new CoapRequestGate()).createServer(null, 0);
		try {
			Endpoint endpoint = server.getEndpoints().get(0);
			int before = endpoint.getInterceptors().size();
			new CoapServerObservationInstrumentation(TestObservationRegistry.create()).customize(server);
			assertThat(endpoint.getInterceptors()).hasSize(before + 1);
		}
		finally {
			server.destroy();
		}
	}

	@Test
	void serverWithAnotherDelivererIsLeftAlone() {
		CoapServer server = new CoapServerFactory(this.configuration, new CoapRequestGate()).createServer(null, 0);
		try {
			server.setMessageDeliverer(new ServerMessageDeliverer(server.getRoot(), this.configuration));
			Endpoint endpoint = server.getEndpoints().get(0);
			int before = endpoint.getInterceptors().size();
			new CoapServerObservationInstrumentation(TestObservationRegistry.create()).customize(server);
			assertThat(endpoint.getInterceptors()).hasSize(before);
		}
		finally {
			server.destroy();
		}
	}

}
