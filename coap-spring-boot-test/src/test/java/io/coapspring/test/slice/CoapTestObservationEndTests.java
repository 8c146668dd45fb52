package io.coapspring.test.slice;

import java.time.Duration;

import io.coapspring.test.autoconfigure.CoapTest;
import io.coapspring.test.client.CoapTestClient;
import io.coapspring.test.client.CoapTestObservation;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@link CoapTestObservation#awaitNotifications} fails at once, instead of waiting its whole timeout, when no
 * notification can come.
 */
@CoapTest
class CoapTestObservationEndTests {

	/** Far longer than the test may take: waiting it out fails the test. */
	private static final Duration TIMEOUT = Duration.ofMinutes(2);

	@Autowired
	CoapTestClient client;

	@MockitoBean
	Thermometer thermometer;

	@Test
	void observingAResourceThatIsNotObservableFailsAtOnce() {
		try (CoapTestObservation observation = this.client.get("/version").observe()) {
			assertTimeoutPreemptively(Duration.ofSeconds(30),
					() -> assertThatExceptionOfType(AssertionError.class)
						.isThrownBy(() -> observation.awaitNotifications(2, TIMEOUT))
						.withMessageContaining("/version")
						.withMessageContaining("the resource is not observable")
						.withMessageContaining("has no Observe option"));
			assertThat(observation.getNotifications()).singleElement()
				.satisfies((response) -> response.expectCode(ResponseCode.CONTENT).expectPayload("1.0"));
		}
	}

	@Test
	void observingAMissingResourceFailsAtOnceWithItsCode() {
		try (CoapTestObservation observation = this.client.get("/nowhere").observe()) {
			assertTimeoutPreemptively(Duration.ofSeconds(30),
					() -> assertThatExceptionOfType(AssertionError.class)
						.isThrownBy(() -> observation.awaitNotifications(2, TIMEOUT))
						.withMessageContaining("4.04"));
		}
	}

	@Test
	void theRegistrationResponseAloneIsStillReturned() {
		try (CoapTestObservation observation = this.client.get("/version").observe()) {
			assertThat(observation.awaitNotifications(1, TIMEOUT)).singleElement()
				.satisfies((response) -> response.expectPayload("1.0"));
		}
	}

}
