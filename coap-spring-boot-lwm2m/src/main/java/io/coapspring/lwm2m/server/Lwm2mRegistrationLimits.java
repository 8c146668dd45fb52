package io.coapspring.lwm2m.server;

import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.leshan.core.observation.Observation;
import org.eclipse.leshan.core.peer.LwM2mPeer;
import org.eclipse.leshan.core.request.RegisterRequest;
import org.eclipse.leshan.core.request.UpdateRequest;
import org.eclipse.leshan.core.request.UplinkRequest;
import org.eclipse.leshan.server.registration.Registration;
import org.eclipse.leshan.server.registration.RegistrationListener;
import org.eclipse.leshan.server.registration.RegistrationStore;
import org.eclipse.leshan.server.registration.RegistrationUpdate;
import org.eclipse.leshan.server.security.Authorization;
import org.eclipse.leshan.server.security.Authorizer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.Assert;

/**
 * The server's registration limits, put in front of another {@link Authorizer} (the security check, or the
 * application's own) by {@link #wrap(Authorizer)}: the total number of registrations ({@code coap.lwm2m.server.registration.max-registrations})
 * and the lifetime a client may ask for ({@code min-lifetime}, {@code max-lifetime}). A refused registration gets
 * 4.03 Forbidden and a log line saying why; the server keeps running.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mRegistrationLimits implements RegistrationListener {

	private static final Logger logger = LoggerFactory.getLogger(Lwm2mRegistrationLimits.class);

	private final int maxRegistrations;

	private final long minLifetime;

	private final long maxLifetime;

	private final AtomicInteger registrations = new AtomicInteger();

	private final AtomicLong refused = new AtomicLong();

	private @Nullable RegistrationStore store;

	/**
	 * Create the limits.
	 * @param maxRegistrations the total number of registrations the server holds
	 * @param minLifetime the shortest lifetime accepted
	 * @param maxLifetime the longest lifetime accepted
	 */
	public Lwm2mRegistrationLimits(int maxRegistrations, Duration minLifetime, Duration maxLifetime) {
		Assert.isTrue(maxRegistrations > 0, "'maxRegistrations' must be positive");
		this.maxRegistrations = maxRegistrations;
		this.minLifetime = minLifetime.toSeconds();
		this.maxLifetime = maxLifetime.toSeconds();
	}

	/**
	 * Count the registrations already in a store (a persistent store keeps them across restarts).
	 * @param store the registration store
	 */
	public void countExisting(RegistrationStore store) {
		this.store = store;
		int count = 0;
		Iterator<Registration> all = store.getAllRegistrations();
		while (all.hasNext()) {
			all.next();
			count++;
		}
		this.registrations.set(count);
	}

	/**
	 * Return an authorizer that applies these limits, then asks another one.
	 * @param delegate the authorizer asked once the limits are met
	 * @return the authorizer to give the server
	 */
	public Authorizer wrap(Authorizer delegate) {
		Assert.notNull(delegate, "'delegate' must not be null");
		return (request, registration, sender) -> {
			Authorization verdict = check(request, registration, sender);
			return (verdict != null) ? verdict : delegate.isAuthorized(request, registration, sender);
		};
	}

	private @Nullable Authorization check(UplinkRequest<?> request, Registration registration, LwM2mPeer sender) {
		if (request instanceof RegisterRequest register) {
			if (!lifetimeAllowed(register.getLifetime(), registration)) {
				return Authorization.declined();
			}
			boolean known = this.store != null && this.store.getRegistrationByEndpoint(registration.getEndpoint()) != null;
			if (!known && this.registrations.get() >= this.maxRegistrations) {
				this.refused.incrementAndGet();
				logger.warn("LWM2M registration of '{}' from {} refused: the server holds the maximum of {} "
						+ "registrations (coap.lwm2m.server.registration.max-registrations)", registration.getEndpoint(),
						sender, this.maxRegistrations);
				return Authorization.declined();
			}
		}
		else if (request instanceof UpdateRequest update && update.getLifeTimeInSec() != null
				&& !lifetimeAllowed(update.getLifeTimeInSec(), registration)) {
			return Authorization.declined();
		}
		return null;
	}

	private boolean lifetimeAllowed(@Nullable Long lifetime, Registration registration) {
		if (lifetime == null) {
			return true;
		}
		if (lifetime < this.minLifetime || lifetime > this.maxLifetime) {
			this.refused.incrementAndGet();
			logger.warn("LWM2M registration of '{}' refused: lifetime {} s is outside [{} s, {} s] "
					+ "(coap.lwm2m.server.registration.min-lifetime/max-lifetime)", registration.getEndpoint(),
					lifetime, this.minLifetime, this.maxLifetime);
			return false;
		}
		return true;
	}

	/**
	 * Return the number of registrations currently held.
	 * @return the count
	 */
	public int getRegistrationCount() {
		return this.registrations.get();
	}

	/**
	 * Return the number of registrations and updates refused by these limits since start-up.
	 * @return the count
	 */
	public long getRefusedCount() {
		return this.refused.get();
	}

	/**
	 * Return the maximum number of registrations.
	 * @return the bound
	 */
	public int getMaxRegistrations() {
		return this.maxRegistrations;
	}

	@Override
	public void registered(Registration registration, @Nullable Registration previousReg,
			@Nullable Collection<Observation> previousObservations) {
		if (previousReg == null) {
			this.registrations.incrementAndGet();
		}
	}

	@Override
	public void updated(RegistrationUpdate update, Registration updatedReg, Registration previousReg) {
	}

	@Override
	public void unregistered(Registration registration, @Nullable Collection<Observation> observations,
			boolean expired, @Nullable Registration newReg) {
		if (newReg == null) {
			this.registrations.updateAndGet((count) -> Math.max(0, count - 1));
		}
	}

}
