package io.coapspring.interop;

import java.time.Clock;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;

/**
 * {@code /obs}, an observable resource (RFC 7641).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@CoapController
class ObserveController {

	private final Clock clock = Clock.systemUTC();

	@CoapGetMapping(path = "/obs", produces = "text/plain", observable = true, resourceType = "observe",
			title = "Observable resource")
	String obs() {
		return "Server time: " + LocalTime.now(this.clock).truncatedTo(ChronoUnit.MILLIS);
	}

}
