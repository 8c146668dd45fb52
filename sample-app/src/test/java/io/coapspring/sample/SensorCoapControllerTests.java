package io.coapspring.sample;

import java.util.List;
import java.util.Optional;

import io.coapspring.test.autoconfigure.CoapTest;
import io.coapspring.test.client.CoapTestClient;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * The sensor controller alone, in a {@link CoapTest @CoapTest} slice: a real CoAP server on a random port with
 * this controller, and the service mocked.
 */
@CoapTest(SensorCoapController.class)
class SensorCoapControllerTests {

	@Autowired
	CoapTestClient client;

	@MockitoBean
	SensorService sensors;

	@Test
	void readsASensorAsJsonOrCbor() {
		given(this.sensors.find("7")).willReturn(Optional.of(new Sensor("7", "Attic", 30.5, null)));
		this.client.get("/sensors/{id}", 7)
			.accept("application/json")
			.exchange()
			.expectCode(ResponseCode.CONTENT)
			.expectContentFormat("application/json")
			.expectMaxAge(10)
			.expectPayloadSatisfies(Sensor.class, (sensor) -> assertThat(sensor.name()).isEqualTo("Attic"));
		this.client.get("/sensors/{id}", 7)
			.accept("application/cbor")
			.exchange()
			.expectContentFormat("application/cbor")
			.expectPayload(Sensor.class, new Sensor("7", "Attic", 30.5, null));
	}

	@Test
	void unknownSensorIsNotFound() {
		given(this.sensors.find("9")).willReturn(Optional.empty());
		this.client.get("/sensors/9").exchange().expectCode(ResponseCode.NOT_FOUND).expectNoPayload();
	}

	@Test
	void createsASensor() {
		given(this.sensors.create("Cellar", 12.0)).willReturn(new Sensor("3", "Cellar", 12.0, null));
		this.client.post("/sensors")
			.contentFormat("application/json")
			.payload(new SensorChanges("Cellar", 12.0))
			.exchange()
			.expectCode(ResponseCode.CREATED)
			.expectLocationPath("sensors/3");
	}

	@Test
	void invalidThresholdIsABadRequestAndNeverSaved() {
		given(this.sensors.find("2")).willReturn(Optional.of(new Sensor("2", "Hall", 20.0, null)));
		this.client.put("/sensors/2/threshold")
			.contentFormat("application/json")
			.payload("{\"celsius\":500,\"direction\":\"above\"}".getBytes())
			.exchange()
			.expectCode(ResponseCode.BAD_REQUEST);
		then(this.sensors).should(org.mockito.Mockito.never()).save(any());
	}

	@Test
	void fetchFiltersTheSensors() {
		given(this.sensors.findAll()).willReturn(
				List.of(new Sensor("1", "Kitchen", 21.0, null), new Sensor("2", "Hall", 18.0, null)));
		this.client.fetch("/sensors")
			.contentFormat("application/json")
			.accept("application/json")
			.payload(new SensorQuery(20.0))
			.exchange()
			.expectCode(ResponseCode.CONTENT)
			.expectPayloadSatisfies(Sensor[].class,
					(found) -> assertThat(found).extracting(Sensor::name).containsExactly("Kitchen"));
	}

}
