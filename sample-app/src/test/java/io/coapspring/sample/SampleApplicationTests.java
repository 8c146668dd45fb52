package io.coapspring.sample;

import java.net.InetSocketAddress;

import io.coapspring.server.context.LocalCoapPort;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's CoAP controllers over UDP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "coap.server.port=0")
class SampleApplicationTests {

	@LocalCoapPort
	int port;

	private CoapEndpoint endpoint;

	@BeforeEach
	void startEndpoint() throws Exception {
		this.endpoint = new CoapEndpoint.Builder()
			.setConfiguration(new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS, SystemConfig.DEFINITIONS))
			.setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0))
			.build();
		this.endpoint.start();
	}

	@AfterEach
	void destroyEndpoint() {
		this.endpoint.destroy();
	}

	@Test
	void greeting() {
		CoapResponse response = send(request(Code.GET, "/hello?name=Sample"));
		assertThat(response.getResponseText()).isEqualTo("Hello, Sample!");
	}

	@Test
	void sensorAsJsonWithEtag() {
		CoapResponse response = send(request(Code.GET, "/sensors/1"));
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_JSON);
		assertThat(response.getResponseText()).contains("\"name\":\"Kitchen\"");
		assertThat(response.getOptions().getETagCount()).isEqualTo(1);
		assertThat(send(request(Code.GET, "/sensors/99")).getCode()).isEqualTo(ResponseCode.NOT_FOUND);
	}

	@Test
	void invalidThresholdIsRejected() {
		Request request = request(Code.PUT, "/sensors/2/threshold");
		request.setPayload("{\"celsius\":500,\"direction\":\"above\"}");
		request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
		CoapResponse response = send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
		assertThat(response.getResponseText()).contains("celsius must be less than or equal to 150");
	}

	@Test
	void calibrationIsAnsweredSeparately() {
		CoapResponse response = send(request(Code.POST, "/sensors/1/calibrate"));
		assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
		assertThat(response.advanced().getType()).isEqualTo(Type.CON);
		assertThat(response.getResponseText()).contains("\"sensor\":\"1\"");
	}

	@Test
	void discoveryListsTheObservableSensorTemplate() {
		CoapResponse response = send(request(Code.GET, "/.well-known/core"));
		assertThat(response.getResponseText())
			.contains("</sensors/{id}>;ct=\"50 60\";ep=\"coap-sample\";if=\"sensor\";obs;rt=\"temperature-c\"")
			.contains("</hello>;ct=0;ep=\"coap-sample\";title=\"Greeting\"");
	}

	private Request request(Code code, String pathAndQuery) {
		Request request = new Request(code);
		request.setURI("coap://127.0.0.1:" + this.port + pathAndQuery);
		return request;
	}

	private CoapResponse send(Request request) {
		CoapClient client = new CoapClient(request.getURI());
		client.setEndpoint(this.endpoint);
		client.setTimeout(10_000L);
		try {
			CoapResponse response = client.advanced(request);
			assertThat(response).isNotNull();
			return response;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			client.shutdown();
		}
	}

}
