package io.coapspring.lwm2m.server;

import java.util.Collection;

import io.coapspring.lwm2m.core.Lwm2mRegistrations;
import io.coapspring.lwm2m.event.Lwm2mAwakeEvent;
import io.coapspring.lwm2m.event.Lwm2mDeregisteredEvent;
import io.coapspring.lwm2m.event.Lwm2mRegisteredEvent;
import io.coapspring.lwm2m.event.Lwm2mRegistrationUpdatedEvent;
import io.coapspring.lwm2m.event.Lwm2mSleepingEvent;
import org.eclipse.leshan.core.observation.Observation;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.queue.PresenceListener;
import org.eclipse.leshan.server.registration.Registration;
import org.eclipse.leshan.server.registration.RegistrationListener;
import org.eclipse.leshan.server.registration.RegistrationUpdate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.Assert;

/**
 * Bridges Leshan's registration and presence listeners to Spring application events
 * ({@link Lwm2mRegisteredEvent}, {@link Lwm2mRegistrationUpdatedEvent}, {@link Lwm2mDeregisteredEvent},
 * {@link Lwm2mAwakeEvent}, {@link Lwm2mSleepingEvent}). A listener that throws is logged and does not disturb the
 * server or the other listeners.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mEventPublisher implements RegistrationListener, PresenceListener {

	private static final Logger logger = LoggerFactory.getLogger(Lwm2mEventPublisher.class);

	private final Object source;

	private final ApplicationEventPublisher publisher;

	/**
	 * Create a publisher.
	 * @param source the source of the events (the server)
	 * @param publisher where the events go
	 */
	public Lwm2mEventPublisher(Object source, ApplicationEventPublisher publisher) {
		Assert.notNull(source, "'source' must not be null");
		Assert.notNull(publisher, "'publisher' must not be null");
		this.source = source;
		this.publisher = publisher;
	}

	/**
	 * Listen to a server's registrations and presence.
	 * @param server the server
	 */
	public void attach(LeshanServer server) {
		server.getRegistrationService().addListener(this);
		server.getPresenceService().addListener(this);
	}

	@Override
	public void registered(Registration registration, @Nullable Registration previousReg,
			@Nullable Collection<Observation> previousObservations) {
		publish(new Lwm2mRegisteredEvent(this.source, Lwm2mRegistrations.of(registration)));
	}

	@Override
	public void updated(RegistrationUpdate update, Registration updatedReg, Registration previousReg) {
		publish(new Lwm2mRegistrationUpdatedEvent(this.source, Lwm2mRegistrations.of(updatedReg)));
	}

	@Override
	public void unregistered(Registration registration, @Nullable Collection<Observation> observations,
			boolean expired, @Nullable Registration newReg) {
		if (newReg != null) {
			// replaced by a new registration of the same endpoint: the registered event tells that story
			return;
		}
		publish(new Lwm2mDeregisteredEvent(this.source, Lwm2mRegistrations.of(registration), expired));
	}

	@Override
	public void onAwake(Registration registration) {
		publish(new Lwm2mAwakeEvent(this.source, Lwm2mRegistrations.of(registration)));
	}

	@Override
	public void onSleeping(Registration registration) {
		publish(new Lwm2mSleepingEvent(this.source, Lwm2mRegistrations.of(registration)));
	}

	/**
	 * Publish an event, logging (not propagating) a listener's failure.
	 * @param event the event
	 */
	void publish(Object event) {
		try {
			this.publisher.publishEvent(event);
		}
		catch (RuntimeException ex) {
			logger.warn("LWM2M event listener failed on {}", event.getClass().getSimpleName(), ex);
		}
	}

}
