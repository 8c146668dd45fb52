package io.coapspring.test.slice;

import java.util.List;

import io.coapspring.client.CoapTemplate;
import io.coapspring.server.context.LocalCoapPort;
import io.coapspring.server.observe.CoapObservedResources;
import io.coapspring.test.autoconfigure.CoapTest;
import io.coapspring.test.client.CoapTestClient;
import io.coapspring.test.client.CoapTestObservation;
import io.coapspring.test.client.CoapTestResponse;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;

/**
 * A {@link CoapTest @CoapTest} starts the CoAP controllers, advice, extension beans and the server on a random
 * port, and nothing else.
 */
@CoapTest
class CoapTestSliceTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	CoapTestClient client;

	@MockitoBean
	Thermometer thermometer;

	@LocalCoapPort
	int port;

	@Test
	void loadsOnlyCoapBeans() {
		assertThat(this.context.getBeanNamesForType(ThermometerController.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(OtherController.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(BrokenSensorAdvice.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(VersionResource.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(Unrelated.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(CoapTemplate.class)).as("client auto-configuration").isEmpty();
		assertThat(this.context.getBean(Thermometer.class)).as("the mock").isSameAs(this.thermometer);
	}

	@Test
	void serverRunsOnARandomPort() {
		assertThat(this.port).isPositive().isNotEqualTo(5683);
		assertThat(this.context.getBean(CoapServer.class).getEndpoints().get(0).getAddress().getPort())
			.isEqualTo(this.port);
	}

	@Test
	void exchangesWithFluentExpectations() {
		given(this.thermometer.celsius()).willReturn(19.0);
		this.client.get("/temperature/{sensor}", "kitchen")
			.accept(MediaTypeRegistry.APPLICATION_JSON)
			.exchange()
			.expectCode(ResponseCode.CONTENT)
			.expectContentFormat("application/json")
			.expectPayload("{\"sensor\":\"kitchen\",\"celsius\":19.0}")
			.expectPayload(Reading.class, new Reading("kitchen", 19.0))
			.expectPayloadSatisfies(Reading.class, (reading) -> assertThat(reading.celsius()).isEqualTo(19.0));
	}

	@Test
	void sendsPayloadsThroughTheApplicationsConverters() {
		this.client.put("/temperature")
			.contentFormat("application/json")
			.payload(new Reading("attic", 30.5))
			.exchange()
			.expectCode(ResponseCode.CHANGED)
			.expectNoPayload();
		then(this.thermometer).should().set(30.5);
	}

	@Test
	void adviceAndResourcesAreServed() {
		this.client.get("/temperature/broken").exchange()
			.expectCode(ResponseCode.SERVICE_UNAVAILABLE)
			.expectPayload("sensor broken is broken");
		this.client.get("/version").exchange().expectCode(ResponseCode.CONTENT).expectPayload("1.0");
	}

	@Test
	void failedExpectationsDescribeTheExchange() {
		CoapTestResponse response = this.client.get("/nowhere").exchange();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> response.expectCode(ResponseCode.CONTENT))
			.withMessageContaining("GET coap://127.0.0.1:" + this.port + "/nowhere")
			.withMessageContaining("code expected:<2.05 CONTENT> but was:<4.04 NOT_FOUND>");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> response.expectPayload("found"))
			.withMessageContaining("payload expected:<\"found\">");
	}

	@Test
	void observationCollectsNotifications() {
		given(this.thermometer.celsius()).willReturn(20.0, 20.5);
		try (CoapTestObservation observation = this.client.get("/temperature/{sensor}", "cellar").observe()) {
			observation.awaitNotifications(1).get(0).expectObserve().expectPayload(Reading.class,
					new Reading("cellar", 20.0));
			this.context.getBean(CoapObservedResources.class).get("/temperature/cellar").changed();
			List<CoapTestResponse> notifications = observation.awaitNotifications(2);
			notifications.get(1).expectCode(ResponseCode.CONTENT).expectObserve().expectPayload(Reading.class,
					new Reading("cellar", 20.5));
		}
	}

}
