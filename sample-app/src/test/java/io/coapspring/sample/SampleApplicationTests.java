package io.coapspring.sample;

import io.coapspring.test.autoconfigure.AutoConfigureCoapTestClient;
import io.coapspring.test.client.CoapTestClient;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's CoAP controllers over UDP, in the whole application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "coap.server.port=0")
@AutoConfigureCoapTestClient
class SampleApplicationTests {

	@Autowired
	CoapTestClient client;

	@Test
	void greeting() {
		this.client.get("/hello?name=Sample").exchange().expectPayload("Hello, Sample!");
	}

	@Test
	void sensorAsJsonWithEtag() {
		assertThat(this.client.get("/sensors/1")
			.exchange()
			.expectCode(ResponseCode.CONTENT)
			.expectContentFormat(MediaTypeRegistry.APPLICATION_JSON)
			.getPayloadText()).contains("\"name\":\"Kitchen\"");
		assertThat(this.client.get("/sensors/1").exchange().getResponse().getOptions().getETagCount()).isEqualTo(1);
		this.client.get("/sensors/99").exchange().expectCode(ResponseCode.NOT_FOUND);
	}

	@Test
	void invalidThresholdIsRejected() {
		assertThat(this.client.put("/sensors/2/threshold")
			.contentFormat(MediaTypeRegistry.APPLICATION_JSON)
			.payload("{\"celsius\":500,\"direction\":\"above\"}".getBytes())
			.exchange()
			.expectCode(ResponseCode.BAD_REQUEST)
			.getPayloadText()).contains("celsius must be less than or equal to 150");
	}

	@Test
	void calibrationIsAnsweredSeparately() {
		assertThat(this.client.post("/sensors/1/calibrate")
			.exchange()
			.expectCode(ResponseCode.CHANGED)
			.expectType(Type.CON)
			.getPayloadText()).contains("\"sensor\":\"1\"");
	}

	@Test
	void discoveryListsTheObservableSensorTemplate() {
		assertThat(this.client.get("/.well-known/core").exchange().getPayloadText())
			.contains("</sensors/{id}>;ct=\"50 60\";ep=\"coap-sample\";if=\"sensor\";obs;rt=\"temperature-c\"")
			.contains("</hello>;ct=0;ep=\"coap-sample\";title=\"Greeting\"");
	}

}
