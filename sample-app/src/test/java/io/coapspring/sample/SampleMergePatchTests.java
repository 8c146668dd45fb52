package io.coapspring.sample;

import java.nio.charset.StandardCharsets;

import io.coapspring.test.autoconfigure.AutoConfigureCoapTestClient;
import io.coapspring.test.client.CoapTestClient;
import io.coapspring.test.client.CoapTestResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PATCH /sensors/{id}} with a JSON merge patch (RFC 7396, {@code application/merge-patch+json}, Content-Format
 * 52), end to end over UDP in the whole application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "coap.server.port=0")
@AutoConfigureCoapTestClient
class SampleMergePatchTests {

	@Autowired
	CoapTestClient client;

	private String path;

	@BeforeEach
	void createSensor() {
		CoapTestResponse created = this.client.post("/sensors")
			.contentFormat("application/json")
			.payload(bytes("{\"name\":\"Patchable\",\"celsius\":20}"))
			.exchange()
			.expectCode(ResponseCode.CREATED);
		this.path = "/" + String.join("/", created.getResponse().getOptions().getLocationPath());
	}

	@Test
	void mergePatchSetsMergesAndRemovesMembers() {
		Sensor renamed = patch("{\"name\":\"Greenhouse\",\"threshold\":{\"celsius\":30,\"direction\":\"above\"}}")
			.expectCode(ResponseCode.CHANGED)
			.expectContentFormat("application/json")
			.getPayload(Sensor.class);
		assertThat(renamed.name()).isEqualTo("Greenhouse");
		assertThat(renamed.threshold()).isEqualTo(new Threshold(30, "above"));
		// an object is merged into the object it patches: the direction stays
		assertThat(patch("{\"threshold\":{\"celsius\":35}}").expectCode(ResponseCode.CHANGED)
			.getPayload(Sensor.class)
			.threshold()).isEqualTo(new Threshold(35, "above"));
		assertThat(current().threshold()).isEqualTo(new Threshold(35, "above"));
		// null removes a member
		patch("{\"threshold\":null}").expectCode(ResponseCode.CHANGED);
		Sensor current = current();
		assertThat(current.threshold()).isNull();
		assertThat(current.name()).isEqualTo("Greenhouse");
	}

	@Test
	void badPatchesAreBadRequestsAndChangeNothing() {
		patch("{\"threshold\":{\"celsius\":25,\"direction\":\"below\"}}").expectCode(ResponseCode.CHANGED);
		assertThat(patch("{\"celsius\":99}").expectCode(ResponseCode.BAD_REQUEST).getPayloadText())
			.contains("'celsius' cannot be patched");
		assertThat(patch("{\"threshold\":{\"celsius\":500}}").expectCode(ResponseCode.BAD_REQUEST).getPayloadText())
			.contains("threshold.celsius must be less than or equal to 150");
		assertThat(patch("{\"name\":null}").expectCode(ResponseCode.BAD_REQUEST).getPayloadText())
			.contains("name");
		assertThat(patch("[\"name\"]").expectCode(ResponseCode.BAD_REQUEST).getPayloadText())
			.contains("JSON object");
		patch("{\"name\":").expectCode(ResponseCode.BAD_REQUEST);
		Sensor current = current();
		assertThat(current.name()).isEqualTo("Patchable");
		assertThat(current.threshold()).isEqualTo(new Threshold(25, "below"));
	}

	@Test
	void plainJsonPatchIsStillServed() {
		this.client.patch(this.path)
			.contentFormat("application/json")
			.payload(bytes("{\"name\":\"Plain\"}"))
			.exchange()
			.expectCode(ResponseCode.CHANGED);
		assertThat(current().name()).isEqualTo("Plain");
	}

	@Test
	void otherFormatsAreUnsupportedNamingWhatIsAccepted() {
		assertThat(this.client.patch(this.path)
			.contentFormat("text/plain")
			.payload(bytes("name=x"))
			.exchange()
			.expectCode(ResponseCode.UNSUPPORTED_CONTENT_FORMAT)
			.getPayloadText()).contains("application/merge-patch+json").contains("application/json");
	}

	private CoapTestResponse patch(String json) {
		return this.client.patch(this.path).contentFormat("application/merge-patch+json").payload(bytes(json)).exchange();
	}

	private Sensor current() {
		return this.client.get(this.path).accept("application/json").exchange().getPayload(Sensor.class);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
