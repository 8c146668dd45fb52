package io.coapspring.server.observe;

import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.observe.ObserveRelation;
import org.eclipse.californium.elements.config.Configuration;
import org.jspecify.annotations.Nullable;

/**
 * Spreads the periodic confirmable notifications of observers over the changes. Californium makes every
 * {@code NOTIFICATION_CHECK_INTERVAL_COUNT}-th notification of a relation confirmable, counting from its
 * registration, so observers that registered together (a gateway after a restart, a fleet after an outage) all
 * get their confirmable notification with the same change, and the server sends, and waits for the
 * acknowledgements of, thousands at once. Each new relation starts its count at another offset instead, one more
 * than the previous registration's, so that the confirmable ones are spread evenly; each observer still gets one
 * every {@code NOTIFICATION_CHECK_INTERVAL_COUNT} notifications, the first one sooner.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
final class CoapNotificationChecks {

	private final AtomicInteger registrations = new AtomicInteger();

	/**
	 * Give a new relation the next offset in its count of notifications to the next confirmable one.
	 * @param relation the relation, before its first notification
	 * @param configuration the configuration of the relation's endpoint, {@code null} to leave it alone
	 */
	void stagger(ObserveRelation relation, @Nullable Configuration configuration) {
		Integer interval = (configuration != null)
				? configuration.get(CoapConfig.NOTIFICATION_CHECK_INTERVAL_COUNT) : null;
		if (interval == null || interval < 3) {
			return;
		}
		// the relation's counter starts at 1 and checks once it reaches the interval: stay below it
		int offset = Math.floorMod(this.registrations.getAndIncrement(), interval - 1);
		for (int i = 0; i < offset; i++) {
			relation.check();
		}
	}

}
