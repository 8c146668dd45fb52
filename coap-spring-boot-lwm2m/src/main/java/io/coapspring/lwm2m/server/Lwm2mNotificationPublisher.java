package io.coapspring.lwm2m.server;

import java.util.LinkedHashMap;
import java.util.Map;

import io.coapspring.lwm2m.core.Lwm2mContent;
import io.coapspring.lwm2m.core.Lwm2mNodes;
import io.coapspring.lwm2m.core.Lwm2mRegistrations;
import io.coapspring.lwm2m.event.Lwm2mNotificationEvent;
import io.coapspring.lwm2m.event.Lwm2mSendEvent;
import org.eclipse.leshan.core.node.TimestampedLwM2mNodes;
import org.eclipse.leshan.core.observation.CompositeObservation;
import org.eclipse.leshan.core.observation.Observation;
import org.eclipse.leshan.core.observation.SingleObservation;
import org.eclipse.leshan.core.request.SendRequest;
import org.eclipse.leshan.core.response.ObserveCompositeResponse;
import org.eclipse.leshan.core.response.ObserveResponse;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.observation.ObservationListener;
import org.eclipse.leshan.server.registration.Registration;
import org.eclipse.leshan.server.send.SendListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Bridges Leshan's observation notifications and Send data to Spring application events
 * ({@link Lwm2mNotificationEvent}, {@link Lwm2mSendEvent}).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mNotificationPublisher implements ObservationListener, SendListener {

	private static final Logger logger = LoggerFactory.getLogger(Lwm2mNotificationPublisher.class);

	private final Lwm2mEventPublisher publisher;

	private final Object source;

	/**
	 * Create a publisher.
	 * @param source the source of the events (the server)
	 * @param publisher where the events go
	 */
	public Lwm2mNotificationPublisher(Object source, ApplicationEventPublisher publisher) {
		this(source, new Lwm2mEventPublisher(source, publisher));
	}

	/**
	 * Create a publisher that shares the ordering and thread of a registration event publisher.
	 * @param source the source of the events (the server)
	 * @param publisher the registration event publisher
	 */
	public Lwm2mNotificationPublisher(Object source, Lwm2mEventPublisher publisher) {
		this.source = source;
		this.publisher = publisher;
	}

	/**
	 * Listen to a server's observations and Send requests.
	 * @param server the server
	 */
	public void attach(LeshanServer server) {
		server.getObservationService().addListener(this);
		server.getSendService().addListener(this);
	}

	@Override
	public void newObservation(Observation observation, Registration registration) {
	}

	@Override
	public void cancelled(Observation observation) {
	}

	@Override
	public void onResponse(SingleObservation observation, Registration registration, ObserveResponse response) {
		if (response.getContent() != null) {
			this.publisher.publish(new Lwm2mNotificationEvent(this.source, Lwm2mRegistrations.of(registration),
					Lwm2mNodes.toContent(observation.getPath(), response.getContent())));
		}
	}

	@Override
	public void onResponse(CompositeObservation observation, Registration registration,
			ObserveCompositeResponse response) {
		if (response.getContent() != null) {
			response.getContent().forEach((path, node) -> {
				if (node != null) {
					this.publisher.publish(new Lwm2mNotificationEvent(this.source,
							Lwm2mRegistrations.of(registration), Lwm2mNodes.toContent(path, node)));
				}
			});
		}
	}

	@Override
	public void onError(Observation observation, @Nullable Registration registration, Exception error) {
		logger.debug("LWM2M notification could not be handled: {}", observation, error);
	}

	@Override
	public void dataReceived(Registration registration, TimestampedLwM2mNodes data, SendRequest request) {
		Map<String, Lwm2mContent> contents = new LinkedHashMap<>();
		data.getNodes().forEach((path, node) -> {
			if (node != null) {
				contents.put(path.toString(), Lwm2mNodes.toContent(path, node));
			}
		});
		this.publisher.publish(new Lwm2mSendEvent(this.source, Lwm2mRegistrations.of(registration), contents));
	}

	@Override
	public void onError(Registration registration, String errorMessage, Exception error) {
		logger.debug("LWM2M Send from '{}' could not be handled: {}", registration.getEndpoint(), errorMessage,
				error);
	}

}
