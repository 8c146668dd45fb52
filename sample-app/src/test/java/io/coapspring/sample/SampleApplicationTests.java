package io.coapspring.sample;

import java.util.List;

import io.coapspring.client.CoapTemplate;
import io.coapspring.client.discovery.WebLink;
import io.coapspring.server.context.LocalCoapPort;
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

	@Autowired
	CoapTemplate coap;

	@Autowired
	SensorService sensors;

	@LocalCoapPort
	int port;

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
	void discoveryListsEverySensorAsAnObservableLink() {
		String document = this.client.get("/.well-known/core").exchange().getPayloadText();
		assertThat(document).doesNotContain("{").doesNotContain("}")
			.contains("</sensors/1>;ct=\"50 60\";ep=\"coap-sample\";if=\"sensor\";obs;rt=\"temperature-c\";"
					+ "title=\"Kitchen\"")
			.contains("</sensors/2>;ct=\"50 60\";ep=\"coap-sample\";if=\"sensor\";obs;rt=\"temperature-c\";"
					+ "title=\"Cellar\"")
			.contains("</sensors/2/celsius>;ct=0;ep=\"coap-sample\";obs;rt=\"temperature-c\";"
					+ "title=\"Cellar (reading)\"")
			.contains("</hello>;ct=0;ep=\"coap-sample\";title=\"Greeting\"");
	}

	@Test
	void discoveryByResourceTypeFindsEverySensorAndNewOnes() {
		String node = "coap://127.0.0.1:" + this.port;
		assertThat(this.coap.discover(node, "rt=temperature-c")).extracting(WebLink::getTarget)
			.contains("/sensors/1", "/sensors/1/celsius", "/sensors/2", "/sensors/2/celsius")
			.allSatisfy((target) -> assertThat(target).doesNotContain("{"));
		Sensor created = this.sensors.create("Attic \"east\"", 25.0);
		try {
			List<WebLink> links = this.coap.discover(node, "href=/sensors/" + created.id());
			assertThat(links).singleElement().satisfies((link) -> {
				assertThat(link.isObservable()).isTrue();
				assertThat(link.getTitle()).isEqualTo("Attic \"east\"");
				assertThat(link.getResourceTypes()).containsExactly("temperature-c");
				assertThat(link.getContentFormats()).containsExactly(50, 60);
				assertThat(this.coap.getForObject(link.getUri(), String.class))
					.contains("\"id\":\"" + created.id() + "\"");
			});
		}
		finally {
			this.sensors.delete(created.id());
		}
		assertThat(this.coap.discover(node, "href=/sensors/" + created.id())).isEmpty();
	}

}
