package io.coapspring.client;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.ClientObserveRelation;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.network.Exchange.Origin;
import org.eclipse.californium.core.observe.NotificationListener;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;

/**
 * A {@link CoapObservation} on Californium's {@link ClientObserveRelation}, which orders notifications by
 * their sequence numbers, re-registers when Max-Age passes without news and deregisters proactively.
 * Notifications reach the listener through a serial executor, in the order they were accepted. A final 2.xx
 * response without Observe option, which Californium's matcher would reject, reaches it through the endpoint's
 * {@link FinalResponseInterceptor}. A notification that Californium drops because it arrived while the response to
 * the registration was still being processed reaches it through the endpoint's
 * {@link OvertakenNotificationInterceptor}, and is acknowledged here if it is confirmable.
 *
 * @param <T> the notification type
 * @author CoAP Spring Boot team
 */
final class ClientObservation<T> implements CoapObservation<T> {

	private static final Log logger = LogFactory.getLog(ClientObservation.class);

	private final PreparedRequest prepared;

	private final Endpoint endpoint;

	private final ScheduledThreadPoolExecutor scheduler;

	private final CompletableFuture<Void> lifetime = new CompletableFuture<>();

	private final ResponseExtractor extractor;

	private final ResolvableType type;

	private final CoapObservationListener<? super T> listener;

	private final SerialExecutor callbacks;

	private final ClientObserveRelation relation;

	private final NotificationListener notificationListener = this::onNotification;

	private final Object lock = new Object();

	private final FinalResponseInterceptor finalResponses;

	private final Consumer<Response> finalResponse = this::receiveFinal;

	private final OvertakenNotificationInterceptor overtakenNotifications;

	private final Consumer<Response> overtakenNotification = this::receiveOvertaken;

	private volatile boolean active = true;

	private volatile boolean cancelled;

	private @Nullable ScheduledFuture<?> registrationTimeout;

	ClientObservation(PreparedRequest prepared, Endpoint endpoint, CoapClientEndpoints endpoints,
			Executor callbackExecutor, ResponseExtractor extractor, ResolvableType type,
			CoapObservationListener<? super T> listener) {
		this.prepared = prepared;
		this.endpoint = endpoint;
		this.scheduler = endpoints.getScheduler();
		this.extractor = extractor;
		this.type = type;
		this.listener = listener;
		this.callbacks = new SerialExecutor(callbackExecutor);
		this.finalResponses = FinalResponseInterceptor.of(endpoint);
		this.overtakenNotifications = OvertakenNotificationInterceptor.of(endpoint);
		Request request = prepared.request();
		request.setObserve();
		this.relation = new ClientObserveRelation(request, endpoint, scheduler);
		request.addMessageObserver(new RegistrationObserver());
		this.lifetime.whenComplete((ignored, ex) -> {
			if (ex != null) {
				fail(ex);
			}
		});
		endpoints.track(this.lifetime);
	}

	/**
	 * Send the registration.
	 * @return this observation
	 */
	ClientObservation<T> start() {
		this.endpoint.addNotificationListener(this.notificationListener);
		synchronized (this.lock) {
			this.registrationTimeout = this.scheduler.schedule(
					() -> fail(new CoapTimeoutException("No response to " + describe() + " within "
							+ this.prepared.timeout().toMillis() + " ms", this.prepared.timeout())),
					this.prepared.timeout().toNanos(), TimeUnit.NANOSECONDS);
		}
		try {
			this.endpoint.sendRequest(this.prepared.request());
		}
		catch (RuntimeException ex) {
			fail(new CoapClientException("Could not send " + describe() + ": " + ex.getMessage(), ex));
		}
		return this;
	}

	@Override
	public URI getUri() {
		return this.prepared.uri();
	}

	@Override
	public boolean isActive() {
		return this.active;
	}

	@Override
	public void cancel() {
		synchronized (this.lock) {
			if (!this.active) {
				return;
			}
			this.active = false;
			this.cancelled = true;
			stopRegistrationTimeout();
		}
		this.lifetime.complete(null);
		this.endpoint.removeNotificationListener(this.notificationListener);
		unregisterFinal();
		this.relation.proactiveCancel();
	}

	private void onNotification(Request request, Response response) {
		if (this.relation.matchRequest(request)) {
			receive(response);
		}
	}

	// a 2.xx without Observe option after the observation was established: the server ended it
	private void receiveFinal(Response response) {
		InetSocketAddress source = response.getSourceContext().getPeerAddress();
		InetSocketAddress destination = this.prepared.request().getDestinationContext().getPeerAddress();
		if (source.equals(destination)) {
			receive(response);
		}
	}

	// a notification Californium's matcher dropped: it was queued behind the piggybacked response to the
	// registration, which completed the exchange it was matched to
	private void receiveOvertaken(Response response) {
		InetSocketAddress source = response.getSourceContext().getPeerAddress();
		InetSocketAddress destination = this.prepared.request().getDestinationContext().getPeerAddress();
		if (!this.active || !source.equals(destination)) {
			return;
		}
		if (response.getType() == Type.CON) {
			Exchange acknowledgement = new Exchange(this.prepared.request(), source, Origin.LOCAL, this.scheduler);
			this.endpoint.sendEmptyMessage(acknowledgement, EmptyMessage.newACK(response));
		}
		receive(response);
	}

	private void unregisterFinal() {
		Token token = this.prepared.request().getToken();
		if (token != null) {
			this.finalResponses.unregister(token, this.finalResponse);
			this.overtakenNotifications.unregister(token, this.overtakenNotification);
		}
	}

	private void receive(Response response) {
		NotificationOrder.apply(response);
		boolean last;
		synchronized (this.lock) {
			if (!this.active || !this.relation.onResponse(response)) {
				return;
			}
			stopRegistrationTimeout();
			if (!response.getCode().isSuccess()) {
				end();
				CoapClientResponseException error = this.extractor.error(response, describe());
				this.callbacks.execute(() -> this.listener.onError(error));
				return;
			}
			last = !response.getOptions().hasObserve();
			if (last) {
				end();
			}
		}
		this.callbacks.execute(() -> deliver(response, last));
	}

	private void deliver(Response response, boolean last) {
		if (this.cancelled) {
			return;
		}
		T value;
		try {
			value = this.extractor.body(response, this.type, describe(), this.prepared.accept());
		}
		catch (CoapClientException ex) {
			if (this.active) {
				cancel();
			}
			this.listener.onError(ex);
			return;
		}
		this.listener.onNext(value);
		if (last) {
			this.listener.onComplete();
		}
	}

	private void fail(Throwable error) {
		synchronized (this.lock) {
			if (!this.active) {
				return;
			}
			end();
		}
		this.relation.reactiveCancel();
		this.callbacks.execute(() -> this.listener.onError(error));
	}

	/**
	 * End the observation on the server's account; called with the lock held.
	 */
	private void end() {
		this.active = false;
		this.lifetime.complete(null);
		stopRegistrationTimeout();
		this.endpoint.removeNotificationListener(this.notificationListener);
		unregisterFinal();
		if (logger.isDebugEnabled()) {
			logger.debug("Observation of " + this.prepared.uri() + " ended");
		}
	}

	private void stopRegistrationTimeout() {
		ScheduledFuture<?> timeout = this.registrationTimeout;
		if (timeout != null) {
			timeout.cancel(false);
			this.registrationTimeout = null;
		}
	}

	private String describe() {
		return "observe " + this.prepared.describe();
	}

	/**
	 * Follows the registration request and its re-registrations, to which Californium moves it.
	 */
	private final class RegistrationObserver extends MessageObserverAdapter {

		@Override
		public void onReadyToSend() {
			// the token is assigned now; a re-registration keeps it
			Token token = ClientObservation.this.prepared.request().getToken();
			if (token != null && ClientObservation.this.active) {
				ClientObservation.this.finalResponses.register(token, ClientObservation.this.finalResponse);
				ClientObservation.this.overtakenNotifications.register(token,
						ClientObservation.this.overtakenNotification);
			}
		}

		@Override
		public void onResponse(Response response) {
			receive(response);
		}

		@Override
		public void onReject() {
			fail(new CoapResetException(describe() + " was rejected with RST"));
		}

		@Override
		public void onTimeout() {
			fail(new CoapTimeoutException("No acknowledgement of " + describe() + " after the last retransmission",
					Duration.ZERO));
		}

		@Override
		public void onSendError(Throwable error) {
			fail(new CoapClientException("Could not send " + describe() + ": " + error.getMessage(), error));
		}

		@Override
		public void onResponseHandlingError(Throwable cause) {
			fail(new CoapClientException("Could not receive a notification of " + describe() + ": "
					+ cause.getMessage(), cause));
		}

	}

}
