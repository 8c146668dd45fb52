package io.coapspring.sample.dashboard;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The one application context of the dashboard's tests (the HTTP API's and the browser's share it, so every
 * annotation that shapes the context is here): random ports, the simulated CoAP nodes and the demo LWM2M device
 * on, readings twice a second, at most three browsers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "coap.server.port=0", "sample.simulators.enabled=true", "sample.simulators.interval=500ms",
				"sample.simulation.interval=500ms", "sample.dashboard.max-clients=3" })
@AutoConfigureRestTestClient
abstract class DashboardTestSupport {

}
