package io.coapspring.test.slice;

import io.coapspring.test.autoconfigure.CoapTest;
import io.coapspring.test.client.CoapTestClient;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link CoapTest @CoapTest} that names its controllers starts only those.
 */
@CoapTest(controllers = ThermometerController.class, properties = "coap.server.address=127.0.0.1")
class CoapTestControllersTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	CoapTestClient client;

	@MockitoBean
	Thermometer thermometer;

	@Test
	void onlyTheNamedControllerIsStarted() {
		assertThat(this.context.getBeanNamesForType(ThermometerController.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(OtherController.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(BrokenSensorAdvice.class)).hasSize(1);
		this.client.get("/other").exchange().expectCode(ResponseCode.NOT_FOUND);
		this.client.get("/temperature/hall").exchange().expectCode(ResponseCode.CONTENT);
	}

}
