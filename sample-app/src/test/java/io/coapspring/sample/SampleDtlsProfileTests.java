package io.coapspring.sample;

import io.coapspring.client.CoapClientResponseException;
import io.coapspring.client.CoapRequestEntity;
import io.coapspring.client.CoapTemplate;
import io.coapspring.client.CoapTemplateBuilder;
import io.coapspring.server.context.LocalCoapDtlsPort;
import io.coapspring.server.context.LocalCoapPort;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sample's {@code dtls} profile: devices authenticated by pre-shared keys, a firmware update only gateways
 * may push, and no identity over plain UDP.
 */
@SpringBootTest(properties = { "coap.server.port=0", "coap.server.dtls.port=0", "coap.server.address=127.0.0.1" })
@ActiveProfiles("dtls")
class SampleDtlsProfileTests {

	@LocalCoapPort
	int port;

	@LocalCoapDtlsPort
	int dtlsPort;

	@Autowired
	ObjectProvider<CoapTemplateBuilder> builders;

	@Test
	void gatewayPushesFirmware() {
		CoapTemplate gateway = device("gateway-1", "gateway-demo-secret");
		assertThat(gateway.getForObject("/devices/me", String.class)).isEqualTo("gateway-1 [ROLE_GATEWAY]");
		assertThat(gateway.exchange(CoapRequestEntity.put("/devices/7/firmware")
			.contentFormat("text/plain")
			.body("2.1"), String.class)
			.getBody()).isEqualTo("device 7 updates to 2.1, pushed by gateway-1");
	}

	@Test
	void sensorMayNotPushFirmware() {
		CoapTemplate sensor = device("sensor-7", "sensor-demo-secret");
		assertThat(sensor.getForObject("/devices/me", String.class)).isEqualTo("sensor-7 [ROLE_SENSOR]");
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> sensor.exchange(CoapRequestEntity.put("/devices/7/firmware")
				.contentFormat("text/plain")
				.body("2.1"), String.class))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.FORBIDDEN));
	}

	@Test
	void plainUdpHasNoIdentity() {
		CoapTemplate plain = this.builders.getObject().baseUri("coap://127.0.0.1:" + this.port).build();
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> plain.getForObject("/devices/me", String.class))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED));
		assertThat(plain.getForObject("/hello?name=UDP", String.class)).isEqualTo("Hello, UDP!");
	}

	private CoapTemplate device(String identity, String secret) {
		return this.builders.getObject()
			.baseUri("coaps://127.0.0.1:" + this.dtlsPort)
			.pskIdentity(identity, secret)
			.build();
	}

}
