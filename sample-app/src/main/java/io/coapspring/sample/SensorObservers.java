package io.coapspring.sample;

import io.coapspring.server.observe.CoapNotifier;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the CoAP observers of a sensor that it changed, however it changed (the simulation, a CoAP PATCH or PUT):
 * each observer of {@code /sensors/{id}} and of the resources below it ({@code /sensors/{id}/celsius}) is served
 * again with its own request, subject to its conditional attributes.
 */
@Component
class SensorObservers {

	private final CoapNotifier notifier;

	SensorObservers(CoapNotifier notifier) {
		this.notifier = notifier;
	}

	@EventListener
	void changed(SensorChanged event) {
		// a pattern with the rest of the path: /sensors/1 and /sensors/1/celsius, never /sensors/2
		this.notifier.changed("/sensors/" + event.id() + "/{*rest}");
	}

}
