package io.coapspring.lwm2m.server;

import java.util.Collection;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

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
 * {@link Lwm2mAwakeEvent}, {@link Lwm2mSleepingEvent}). Events are published in order on one thread of their own
 * ({@code lwm2m-events}), never on Californium's protocol threads: a listener may call the template
 * synchronously (the answer it waits for is handled by those threads). The queue is bounded; when it is full an
 * event is dropped with a warning. A listener that throws is logged and does not disturb the server or the other
 * listeners.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mEventPublisher implements RegistrationListener, PresenceListener {

	private static final Logger logger = LoggerFactory.getLogger(Lwm2mEventPublisher.class);

	private final Object source;

	private final ApplicationEventPublisher publisher;

	private final Executor executor;

	/**
	 * Create a publisher that publishes on the calling thread.
	 * @param source the source of the events (the server)
	 * @param publisher where the events go
	 */
	public Lwm2mEventPublisher(Object source, ApplicationEventPublisher publisher) {
		this(source, publisher, Runnable::run);
	}

	/**
	 * Create a publisher.
	 * @param source the source of the events (the server)
	 * @param publisher where the events go
	 * @param executor where the events are published (one thread keeps them in order)
	 */
	public Lwm2mEventPublisher(Object source, ApplicationEventPublisher publisher, Executor executor) {
		Assert.notNull(source, "'source' must not be null");
		Assert.notNull(publisher, "'publisher' must not be null");
		Assert.notNull(executor, "'executor' must not be null");
		this.source = source;
		this.publisher = publisher;
		this.executor = executor;
	}

	/**
	 * Create the executor events are published on: one daemon thread named {@code lwm2m-events} and a queue
	 * bounded to {@code capacity} events, dropping (with a warning) what does not fit.
	 * @param capacity the queue's capacity
	 * @return the executor, to shut down with the application
	 */
	public static ExecutorService createExecutor(int capacity) {
		ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
				new LinkedBlockingQueue<>(capacity), (runnable) -> {
					Thread thread = new Thread(runnable, "lwm2m-events");
					thread.setDaemon(true);
					return thread;
				}, (runnable, pool) -> logger.warn("LWM2M event dropped: {} events are waiting for their listeners",
						pool.getQueue().size()));
		return executor;
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
		this.executor.execute(() -> {
			try {
				this.publisher.publishEvent(event);
			}
			catch (RuntimeException ex) {
				logger.warn("LWM2M event listener failed on {}", event.getClass().getSimpleName(), ex);
			}
		});
	}

}
