package io.coapspring.server.handler;

import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server bound to the wildcard address answers on the IPv6 loopback too.
 */
class Ipv6EndToEndTests extends AbstractEndToEndTests {

	@Test
	void handlerAnswersOverIpv6() {
		try (CoapTestClient ipv6 = CoapTestClient.ipv6(this.port)) {
			CoapResponse response = ipv6.get("/args/request");
			assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
			assertThat(response.getResponseText()).contains("peer=0:0:0:0:0:0:0:1");
			assertThat(ipv6.get("/returns/optional/none").getCode()).isEqualTo(ResponseCode.NOT_FOUND);
		}
	}

}
