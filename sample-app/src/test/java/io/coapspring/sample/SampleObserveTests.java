package io.coapspring.sample;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.coapspring.client.CoapObservation;
import io.coapspring.client.CoapRequestEntity;
import io.coapspring.client.CoapTemplate;
import io.coapspring.server.context.LocalCoapPort;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Observing the sample's sensors over CoAP with the application's own {@link CoapTemplate}: the simulation is off,
 * changes come from CoAP PATCH requests, so the notifications are known in advance.
 */
@SpringBootTest(properties = { "coap.server.port=0", "sample.simulation.enabled=false" })
class SampleObserveTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalCoapPort
	int port;

	@Autowired
	CoapTemplate coap;

	private String uri(String path) {
		return "coap://127.0.0.1:" + this.port + path;
	}

	private void patch(String id, double celsius) {
		this.coap.exchange(CoapRequestEntity.patch(uri("/sensors/" + id))
			.contentFormat("application/json")
			.body("{\"celsius\":" + celsius + "}"), Sensor.class);
	}

	@Test
	void everyChangeOfASensorIsNotifiedAndAThresholdFiltersTheReadings() {
		patch("2", 20);
		List<@Nullable Sensor> every = new CopyOnWriteArrayList<>();
		List<@Nullable String> aboveThirty = new CopyOnWriteArrayList<>();
		CoapObservation<Sensor> sensor = this.coap.observe(
				CoapRequestEntity.get(uri("/sensors/2")).accept("application/json").build(), Sensor.class,
				every::add);
		CoapObservation<String> reading = this.coap.observe(uri("/sensors/2/celsius?gt=30"), String.class,
				aboveThirty::add);
		try {
			await().atMost(WAIT).until(() -> every.size() == 1 && aboveThirty.size() == 1);
			patch("2", 25);
			await().atMost(WAIT).until(() -> every.size() == 2);
			patch("2", 31);
			await().atMost(WAIT).until(() -> aboveThirty.size() == 2);
			await().atMost(WAIT).until(() -> every.size() == 3);
			assertThat(every).extracting(Sensor::celsius).containsExactly(20.0, 25.0, 31.0);
			// 25 did not cross 30: only the crossing was notified
			assertThat(aboveThirty).containsExactly("20.0", "31.0");
		}
		finally {
			sensor.cancel();
			reading.cancel();
		}
	}

}
