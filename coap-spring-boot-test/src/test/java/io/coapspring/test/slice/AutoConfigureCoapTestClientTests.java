package io.coapspring.test.slice;

import io.coapspring.test.autoconfigure.AutoConfigureCoapTestClient;
import io.coapspring.test.client.CoapTestClient;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureCoapTestClient @AutoConfigureCoapTestClient} on a full application test.
 */
@SpringBootTest(properties = { "coap.server.port=0", "spring.main.banner-mode=off" })
@AutoConfigureCoapTestClient
class AutoConfigureCoapTestClientTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	CoapTestClient client;

	@Test
	void clientTalksToTheWholeApplication() {
		assertThat(this.context.getBeanNamesForType(Unrelated.class)).hasSize(1);
		this.client.get("/temperature/{sensor}", "a b").exchange()
			.expectCode(ResponseCode.CONTENT)
			.expectPayload("{\"sensor\":\"a b\",\"celsius\":21.5}");
		this.client.get("/other").exchange().expectPayload("other");
	}

}
