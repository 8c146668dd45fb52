package io.coapspring.lwm2m.bootstrap;

import io.coapspring.lwm2m.bootstrap.Lwm2mBootstrapEvent.Step;
import org.eclipse.leshan.core.peer.LwM2mPeer;
import org.eclipse.leshan.core.request.BootstrapDownlinkRequest;
import org.eclipse.leshan.core.request.BootstrapRequest;
import org.eclipse.leshan.core.response.LwM2mResponse;
import org.eclipse.leshan.server.bootstrap.BootstrapFailureCause;
import org.eclipse.leshan.server.bootstrap.BootstrapSession;
import org.eclipse.leshan.server.bootstrap.BootstrapSessionListener;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.Assert;

/**
 * Bridges Leshan's bootstrap session listener to {@link Lwm2mBootstrapEvent}s.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mBootstrapEventPublisher implements BootstrapSessionListener {

	private static final Logger logger = LoggerFactory.getLogger(Lwm2mBootstrapEventPublisher.class);

	private final Object source;

	private final ApplicationEventPublisher publisher;

	/**
	 * Create a publisher.
	 * @param source the source of the events
	 * @param publisher where the events go
	 */
	public Lwm2mBootstrapEventPublisher(Object source, ApplicationEventPublisher publisher) {
		Assert.notNull(source, "'source' must not be null");
		Assert.notNull(publisher, "'publisher' must not be null");
		this.source = source;
		this.publisher = publisher;
	}

	@Override
	public void sessionInitiated(BootstrapRequest request, LwM2mPeer client) {
		publish(request.getEndpointName(), Step.STARTED, String.valueOf(client));
	}

	@Override
	public void unAuthorized(BootstrapRequest request, LwM2mPeer client) {
		publish(request.getEndpointName(), Step.UNAUTHORIZED, String.valueOf(client));
	}

	@Override
	public void authorized(BootstrapSession session) {
		publish(session.getEndpoint(), Step.AUTHORIZED, null);
	}

	@Override
	public void noConfig(BootstrapSession session) {
		publish(session.getEndpoint(), Step.NO_CONFIG, null);
	}

	@Override
	public void sendRequest(BootstrapSession session, BootstrapDownlinkRequest<? extends LwM2mResponse> request) {
		publish(session.getEndpoint(), Step.REQUEST_SENT, describe(request));
	}

	@Override
	public void onResponseSuccess(BootstrapSession session,
			BootstrapDownlinkRequest<? extends LwM2mResponse> request, LwM2mResponse response) {
		publish(session.getEndpoint(), Step.REQUEST_SUCCEEDED, describe(request) + " " + response.getCode());
	}

	@Override
	public void onResponseError(BootstrapSession session, BootstrapDownlinkRequest<? extends LwM2mResponse> request,
			LwM2mResponse response) {
		publish(session.getEndpoint(), Step.REQUEST_FAILED, describe(request) + " " + response.getCode());
	}

	@Override
	public void onRequestFailure(BootstrapSession session, BootstrapDownlinkRequest<? extends LwM2mResponse> request,
			Throwable cause) {
		publish(session.getEndpoint(), Step.REQUEST_FAILED, describe(request) + " " + cause);
	}

	@Override
	public void end(BootstrapSession session) {
		publish(session.getEndpoint(), Step.FINISHED, null);
	}

	@Override
	public void failed(BootstrapSession session, BootstrapFailureCause cause) {
		publish(session.getEndpoint(), Step.FAILED, String.valueOf(cause));
	}

	private static String describe(BootstrapDownlinkRequest<?> request) {
		return request.getClass().getSimpleName() + " " + request.getPath();
	}

	private void publish(@Nullable String endpoint, Step step, @Nullable String detail) {
		try {
			this.publisher.publishEvent(
					new Lwm2mBootstrapEvent(this.source, (endpoint != null) ? endpoint : "", step, detail));
		}
		catch (RuntimeException ex) {
			logger.warn("LWM2M bootstrap event listener failed on {}", step, ex);
		}
	}

}
