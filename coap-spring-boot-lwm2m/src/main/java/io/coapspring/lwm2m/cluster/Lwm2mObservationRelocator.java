package io.coapspring.lwm2m.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.Objects;

import org.eclipse.leshan.core.observation.CompositeObservation;
import org.eclipse.leshan.core.observation.Observation;
import org.eclipse.leshan.core.observation.SingleObservation;
import org.eclipse.leshan.core.request.DownlinkRequest;
import org.eclipse.leshan.core.request.ObserveCompositeRequest;
import org.eclipse.leshan.core.request.ObserveRequest;
import org.eclipse.leshan.core.response.LwM2mResponse;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.registration.Registration;
import org.eclipse.leshan.server.registration.RegistrationListener;
import org.eclipse.leshan.server.registration.RegistrationUpdate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;

/**
 * Observes again, from this node, what a device was observed for when its update comes from a new address. Behind
 * a UDP load balancer a device whose node died reaches another node through a new balancer session, so from a new
 * source address; the observations another node started live on in Redis, but Californium ignores their
 * notifications from that new address ("potentially forged response ... non-matching endpoint context"). This
 * listener sends each of them again as a new observe request (RFC 7641: a client re-registers its interest), which
 * replaces the stored one for the same path; its notifications then arrive here as
 * {@code Lwm2mNotificationEvent}s. Requests go out asynchronously; a failure is logged and the device's next update
 * from another address tries again.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mObservationRelocator implements RegistrationListener {

	private static final Logger logger = LoggerFactory.getLogger(Lwm2mObservationRelocator.class);

	private final LeshanServer server;

	private final long timeoutMillis;

	/**
	 * Create the relocator; register it with {@code server.getRegistrationService().addListener(..)}.
	 * @param server the LWM2M server of this node
	 * @param timeout how long each observe request may take
	 */
	public Lwm2mObservationRelocator(LeshanServer server, Duration timeout) {
		Assert.notNull(server, "'server' must not be null");
		Assert.notNull(timeout, "'timeout' must not be null");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
		this.server = server;
		this.timeoutMillis = timeout.toMillis();
	}

	@Override
	public void registered(Registration registration, @Nullable Registration previous,
			@Nullable Collection<Observation> previousObservations) {
		// a new registration starts without observations
	}

	@Override
	public void updated(RegistrationUpdate update, Registration updated, Registration previous) {
		if (Objects.equals(updated.getSocketAddress(), previous.getSocketAddress())) {
			return;
		}
		for (Observation observation : this.server.getObservationService().getObservations(updated)) {
			DownlinkRequest<?> request = request(observation);
			if (request != null) {
				send(updated, request, paths(observation));
			}
		}
	}

	private static @Nullable DownlinkRequest<?> request(Observation observation) {
		if (observation instanceof SingleObservation single) {
			return new ObserveRequest(single.getContentFormat(), single.getPath().toString());
		}
		if (observation instanceof CompositeObservation composite) {
			return new ObserveCompositeRequest(composite.getRequestContentFormat(),
					composite.getResponseContentFormat(), composite.getPaths());
		}
		return null;
	}

	private static String paths(Observation observation) {
		return (observation instanceof CompositeObservation composite) ? composite.getPaths().toString()
				: ((SingleObservation) observation).getPath().toString();
	}

	private <T extends LwM2mResponse> void send(Registration registration, DownlinkRequest<T> request,
			String paths) {
		String endpoint = registration.getEndpoint();
		this.server.send(registration, request, this.timeoutMillis, (response) -> {
			if (!response.isSuccess()) {
				logger.info("LWM2M device {} refused to be observed again at {}: {}", endpoint, paths,
						response.getCode());
			}
		}, (ex) -> logger.info("Could not observe LWM2M device {} again at {} after its address changed: {}",
				endpoint, paths, ex.getMessage()));
	}

	@Override
	public void unregistered(Registration registration, @Nullable Collection<Observation> observations,
			boolean expired, @Nullable Registration newRegistration) {
		// its observations go with it
	}

}
