package io.coapspring.lwm2m.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.coapspring.lwm2m.event.Lwm2mRegistration;
import org.eclipse.leshan.core.link.Link;
import org.eclipse.leshan.core.request.BindingMode;
import org.eclipse.leshan.server.registration.Registration;

/**
 * Turns Leshan's {@link Registration} into the plain {@link Lwm2mRegistration} value users see. Wiring between
 * Leshan and this API (the template and the server's event publishers use it); applications never need it.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class Lwm2mRegistrations {

	private Lwm2mRegistrations() {
	}

	/**
	 * Take a snapshot of a registration.
	 * @param registration Leshan's registration
	 * @return the snapshot
	 */
	public static Lwm2mRegistration of(Registration registration) {
		Set<String> bindings = new LinkedHashSet<>();
		if (registration.getBindingMode() != null) {
			for (BindingMode mode : registration.getBindingMode()) {
				bindings.add(mode.name());
			}
		}
		List<String> links = new ArrayList<>();
		if (registration.getObjectLinks() != null) {
			for (Link link : registration.getObjectLinks()) {
				links.add(link.getUriReference());
			}
		}
		Long lifetime = registration.getLifeTimeInSec();
		return new Lwm2mRegistration(registration.getEndpoint(), registration.getId(),
				registration.getSocketAddress(), Duration.ofSeconds((lifetime != null) ? lifetime : 86_400),
				String.valueOf(registration.getLwM2mVersion()), bindings, registration.usesQueueMode(), links,
				registration.getRegistrationDate().toInstant(), registration.getLastUpdate().toInstant());
	}

}
