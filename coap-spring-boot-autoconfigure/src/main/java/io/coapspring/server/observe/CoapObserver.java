package io.coapspring.server.observe;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.coapspring.server.CoapPiggybackTimer;
import io.coapspring.server.CoapRequestRoute;
import io.coapspring.server.invocation.CoapHandlerResult;
import io.coapspring.server.invocation.CoapRequest;
import io.coapspring.server.invocation.CoapResponseStreamSubscriber;
import io.coapspring.server.invocation.CoapResultListener;
import io.coapspring.server.mapping.CoapHandlerMapping;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.observe.ObserveRelation;
import org.jspecify.annotations.Nullable;

/**
 * One observer of a mapped resource: the Californium {@link ObserveRelation} it came with, the registration
 * request that is replayed for each notification, its conditional attributes and their state.
 * <p>
 * Samples of the resource (an invocation of the handler method, a pushed value, an element of the stream the
 * handler method returned) are evaluated against the conditions and sent, held back until {@code pmin} passed,
 * or dropped. At most one invocation per observer runs at a time: a change during an invocation runs it once
 * more afterwards, so bursts of changes coalesce and each observer's notifications leave in order, each with a
 * greater Observe sequence number. Timers send the current state when {@code pmax} (or, for a representation
 * with a Max-Age, its freshness) runs out, and evaluate the resource every {@code epmax}; an observer without
 * these holds no timer. The keep-alive of {@link CoapObservations#setKeepAlive} is checked for all observers at
 * once ({@link #checkKeepAlive}). A notification after a quiet keep-alive period is confirmable: an
 * observer that left without saying so does not acknowledge it, and Californium drops the relation.
 * <p>
 * Memory is a fixed number of fields per observer, plus at most one held-back response and, for a stream, a copy
 * of the last notification.
 *
 * @author CoAP Spring Boot team
 */
final class CoapObserver {

	private static final int IDLE = 0;

	private static final int QUEUED = 1;

	private static final int RUNNING = 2;

	private static final int RUNNING_AGAIN = 3;

	private static final AtomicIntegerFieldUpdater<CoapObserver> STATE = AtomicIntegerFieldUpdater
		.newUpdater(CoapObserver.class, "state");

	private static final CompletableFuture<@Nullable Void> DONE = CompletableFuture.completedFuture(null);

	private static final int SEQUENCE_MASK = 0xFFFFFF;

	private static final int SEQUENCE_WINDOW = 1 << 23;

	/** Notifications are refreshed at this share of their Max-Age, before the client considers them stale. */
	private static final double FRESHNESS_SHARE = 0.9;

	private final CoapObservations observations;

	private final CoapHandlerResource resource;

	private final ObserveRelation relation;

	private final CoapHandlerMapping mapping;

	private final CoapRequest request;

	private final NotificationConditions conditions;

	private final boolean stream;

	// the registration is the first run
	private volatile int state = RUNNING;

	// guarded by this

	private boolean started;

	private boolean closed;

	private int sequence;

	private CoapPiggybackTimer.@Nullable PendingAck piggybackTimer;

	private @Nullable Object pushed;

	private boolean hasPushed;

	private @Nullable Response held;

	private ObservedValue heldValue = ObservedValue.NONE;

	private @Nullable ScheduledFuture<?> holdTimer;

	private @Nullable ScheduledFuture<?> periodTimer;

	private long periodDueNanos;

	private long lastEvaluationNanos;

	private long freshnessNanos = -1;

	private @Nullable CoapResponseStreamSubscriber subscriber;

	private @Nullable Response lastResponse;

	CoapObserver(CoapObservations observations, CoapHandlerResource resource, ObserveRelation relation,
			CoapHandlerMapping mapping, CoapRequest request, ConditionalAttributes attributes, boolean stream) {
		this.observations = observations;
		this.resource = resource;
		this.relation = relation;
		this.mapping = mapping;
		this.request = request;
		this.conditions = new NotificationConditions(attributes);
		this.stream = stream;
		this.sequence = (int) ((observations.currentTimeMillis() - 1) & SEQUENCE_MASK);
	}

	ObserveRelation getRelation() {
		return this.relation;
	}

	CoapRequest getRequest() {
		return this.request;
	}

	boolean isStream() {
		return this.stream;
	}

	ConditionalAttributes getAttributes() {
		return this.conditions.getAttributes();
	}

	private Exchange exchange() {
		return this.relation.getExchange();
	}

	// registration

	/**
	 * Serve the registration: invoke the handler method, or subscribe to its stream, and answer with the first
	 * result, which establishes the observation if it is a success.
	 * @param piggybackTimer the timer of the registration's empty ACK, cancelled when the response is sent
	 */
	void start(CoapPiggybackTimer.@Nullable PendingAck piggybackTimer) {
		synchronized (this) {
			this.piggybackTimer = piggybackTimer;
			this.lastEvaluationNanos = this.observations.nanoTime();
		}
		if (this.stream) {
			CoapResponseStreamSubscriber subscriber = this.observations.getAdapter()
				.subscribe(this.mapping, this.request, new StreamListener());
			synchronized (this) {
				if (!this.closed) {
					this.subscriber = subscriber;
					return;
				}
			}
			if (subscriber != null) {
				subscriber.cancel();
			}
			return;
		}
		this.observations.getAdapter()
			.handleResult(this.mapping, this.request)
			.whenComplete((result, ex) -> onRegistrationResult(result));
	}

	private void onRegistrationResult(CoapHandlerResult result) {
		ObservedValue value = this.observations.getValues().of(result.body());
		String refusal = result.isSuccess() ? refusal(value, result.body()) : null;
		if (!result.isSuccess() || refusal != null) {
			abandon((refusal != null) ? this.observations.badRequest(refusal, this.request) : result.response());
			return;
		}
		Response response = result.response();
		synchronized (this) {
			cancelPiggybackTimer();
			if (this.closed) {
				// ended meanwhile (the server is stopping): a plain response, the relation cancelled first
				this.relation.onSend(response);
				exchange().sendResponse(response);
				return;
			}
			long now = this.observations.nanoTime();
			RegistrationObserver registration = new RegistrationObserver(response);
			response.addMessageObserver(registration);
			send(response, value, now);
			this.started = true;
			schedulePeriod(now);
		}
		// the first run ends when the response is sent (RegistrationObserver)
	}

	private @Nullable String refusal(ObservedValue value, @Nullable Object body) {
		ConditionalAttributes attributes = this.conditions.getAttributes();
		String type = (body != null) ? body.getClass().getSimpleName() : "an empty body";
		if (attributes.requiresNumber() && !value.isNumber()) {
			return "Conditional attributes gt, lt, st and band compare numbers, but " + this.request.getMethod() + " "
					+ this.request.getPath() + " returned " + type + ": return a number, or mark its numeric member"
					+ " with @CoapObservableValue";
		}
		if (attributes.requiresBoolean() && !value.isBooleanLike()) {
			return "Conditional attribute edge watches a boolean, but " + this.request.getMethod() + " "
					+ this.request.getPath() + " returned " + type + ": return a boolean, or mark its boolean member"
					+ " with @CoapObservableValue";
		}
		return null;
	}

	/**
	 * Answer the registration without establishing the observation.
	 * @param response the response, without Observe option
	 */
	void abandon(Response response) {
		synchronized (this) {
			cancelPiggybackTimer();
		}
		// a relation that is not established is not removed by Californium: cancel it before answering
		this.relation.onSend(response);
		close();
		this.resource.removeObserver(this);
		exchange().sendResponse(response);
	}

	private void cancelPiggybackTimer() {
		CoapPiggybackTimer.PendingAck timer = this.piggybackTimer;
		if (timer != null) {
			timer.cancel();
			this.piggybackTimer = null;
		}
	}

	// samples

	/**
	 * Ask for the resource to be sampled again: the handler method invoked, or a pushed value written.
	 * @return {@code true} if the caller must have {@link #runSample()} run; {@code false} if a sample is
	 * already queued, or running and will run again
	 */
	boolean markQueued() {
		while (true) {
			int current = this.state;
			if (current == IDLE) {
				if (STATE.compareAndSet(this, IDLE, QUEUED)) {
					return true;
				}
			}
			else if (current == RUNNING) {
				if (STATE.compareAndSet(this, RUNNING, RUNNING_AGAIN)) {
					return false;
				}
			}
			else {
				return false;
			}
		}
	}

	/**
	 * Keep a value to send instead of invoking the handler method at the next sample.
	 * @param value the value
	 * @return {@code true} if the caller must have {@link #runSample()} run
	 */
	boolean push(@Nullable Object value) {
		synchronized (this) {
			if (this.closed) {
				return false;
			}
			this.pushed = value;
			this.hasPushed = true;
		}
		return markQueued();
	}

	/**
	 * Sample the resource once, on a handler thread.
	 */
	void runSample() {
		if (!STATE.compareAndSet(this, QUEUED, RUNNING)) {
			return;
		}
		Object value;
		boolean push;
		synchronized (this) {
			if (this.closed) {
				this.state = IDLE;
				return;
			}
			push = this.hasPushed;
			value = this.pushed;
			this.hasPushed = false;
			this.pushed = null;
			if (!push) {
				if (this.stream) {
					this.state = IDLE;
					return;
				}
				long now = this.observations.nanoTime();
				long epmin = nanos(getAttributes().getMinimumEvaluationPeriod());
				long wait = (epmin >= 0) ? this.lastEvaluationNanos + epmin - now : 0;
				if (wait > 0) {
					// evaluate once epmin passed; changes meanwhile coalesce into that evaluation
					this.state = QUEUED;
					this.observations.schedule(() -> this.observations.execute(this::runSample), wait);
					return;
				}
				this.lastEvaluationNanos = now;
			}
		}
		if (push) {
			onSample(this.observations.getAdapter().write(this.mapping, this.request, value))
				.whenComplete((ignored, ex) -> finishRun());
			return;
		}
		this.observations.getAdapter()
			.handleResult(this.mapping, this.request)
			.thenCompose(this::onSample)
			.whenComplete((ignored, ex) -> finishRun());
	}

	private void finishRun() {
		if (STATE.compareAndSet(this, RUNNING, IDLE)) {
			return;
		}
		if (STATE.compareAndSet(this, RUNNING_AGAIN, QUEUED)) {
			this.observations.execute(this::runSample);
		}
	}

	/**
	 * Evaluate a sample and notify it, hold it back or drop it.
	 * @param result the sample
	 * @return a stage completed once the notification left (sent, or given up), at once if none was sent: the
	 * next sample waits for it, so a slow network or a confirmable notification waiting for its acknowledgement
	 * makes changes coalesce instead of queueing notifications
	 */
	private CompletionStage<@Nullable Void> onSample(CoapHandlerResult result) {
		boolean finished = false;
		CompletableFuture<@Nullable Void> left = DONE;
		synchronized (this) {
			if (this.closed || !this.started) {
				return DONE;
			}
			long now = this.observations.nanoTime();
			if (!result.isSuccess()) {
				// an error ends the observation: Californium sends it without Observe and cancels the relation
				exchange().sendResponse(result.response());
				finished = true;
			}
			else {
				ObservedValue value = this.observations.getValues().of(result.body());
				switch (this.conditions.evaluate(value, now, maxPeriodNanos())) {
					case NOTIFY -> {
						clearHeld();
						left = new CompletableFuture<>();
						result.response().addMessageObserver(new Departure(left));
						send(result.response(), value, now);
					}
					case HOLD -> hold(result.response(), value, now);
					default -> {
						// not notified; a sample held back earlier still goes out when pmin passed
					}
				}
				schedulePeriod(now);
			}
		}
		if (finished) {
			close();
			this.resource.removeObserver(this);
		}
		return left;
	}

	private void hold(Response response, ObservedValue value, long now) {
		this.held = response;
		this.heldValue = value;
		if (this.holdTimer == null) {
			this.holdTimer = this.observations.schedule(this::sendHeld,
					Math.max(0, this.conditions.getHoldUntilNanos() - now));
		}
	}

	private void clearHeld() {
		this.held = null;
		this.heldValue = ObservedValue.NONE;
		if (this.holdTimer != null) {
			this.holdTimer.cancel(false);
			this.holdTimer = null;
		}
	}

	private synchronized void sendHeld() {
		this.holdTimer = null;
		Response response = this.held;
		if (this.closed || response == null) {
			return;
		}
		ObservedValue value = this.heldValue;
		this.held = null;
		this.heldValue = ObservedValue.NONE;
		long now = this.observations.nanoTime();
		send(response, value, now);
		schedulePeriod(now);
	}

	private void send(Response response, ObservedValue value, long now) {
		OptionSet options = response.getOptions();
		if (response.isSuccess()) {
			this.sequence = nextSequence(this.sequence, this.observations.currentTimeMillis());
			options.setObserve(this.sequence);
			if (this.started && (Boolean.TRUE.equals(this.conditions.getAttributes().getConfirmable())
					|| isKeepAliveDue(now))) {
				// a notification after a quiet keep-alive period checks that the observer is still there
				response.setType(Type.CON);
			}
			this.freshnessNanos = (options.hasMaxAge() && options.getMaxAge() >= 1)
					? (long) (TimeUnit.SECONDS.toNanos(options.getMaxAge()) * FRESHNESS_SHARE) : -1;
		}
		this.conditions.reported(value, now);
		if (this.stream) {
			// Californium drops the payload of a message once sent: keep a copy to send again
			this.lastResponse = copy(response);
		}
		// Californium runs the sending on the exchange's executor (a protocol thread) anyway; handing it over
		// whole, in order, keeps the checks it makes first (destination, multicast, No-Response) off the handler
		// threads, where they contend with the protocol threads for Californium's network interface lock
		Exchange exchange = exchange();
		exchange.execute(() -> exchange.sendResponse(response));
	}

	/**
	 * Return the next Observe sequence number: the clock's milliseconds (24 bits) when they are ahead of the
	 * previous number, the previous number plus one otherwise. Numbers increase per observer, and a client that
	 * registers again after a while gets greater numbers than before, without any state shared between observers.
	 * @param previous the previous number
	 * @param millis the current time in milliseconds
	 * @return the next number
	 */
	static int nextSequence(int previous, long millis) {
		int clock = (int) (millis & SEQUENCE_MASK);
		int incremented = (previous + 1) & SEQUENCE_MASK;
		int ahead = (clock - incremented) & SEQUENCE_MASK;
		return (ahead != 0 && ahead < SEQUENCE_WINDOW) ? clock : incremented;
	}

	// timers

	private long maxPeriodNanos() {
		return shortest(timerPeriodNanos(), this.observations.getKeepAliveNanos());
	}

	/**
	 * The longest time without a notification this observer's own timer watches: {@code pmax} and freshness. The
	 * keep-alive is watched for all observers at once ({@link #checkKeepAlive}), so that an observer without
	 * {@code pmax} or Max-Age holds no timer.
	 */
	private long timerPeriodNanos() {
		// the periods are read from the attributes rather than kept here: memory per observer
		return shortest(nanos(getAttributes().getMaximumPeriod()), this.freshnessNanos);
	}

	private static long shortest(long period, long other) {
		if (period < 0) {
			return other;
		}
		return (other < 0) ? period : Math.min(period, other);
	}

	private boolean isKeepAliveDue(long now) {
		long keepAlive = this.observations.getKeepAliveNanos();
		return keepAlive >= 0 && now - this.conditions.getLastReportNanos() >= keepAlive;
	}

	private long nextDueNanos() {
		long due = Long.MAX_VALUE;
		long maxPeriod = timerPeriodNanos();
		if (maxPeriod >= 0) {
			due = this.conditions.getLastReportNanos() + maxPeriod;
		}
		long epmax = nanos(getAttributes().getMaximumEvaluationPeriod());
		if (epmax >= 0 && !this.stream) {
			due = Math.min(due, this.lastEvaluationNanos + epmax);
		}
		return due;
	}

	private static long nanos(@Nullable Duration duration) {
		return (duration != null) ? duration.toNanos() : -1;
	}

	private void schedulePeriod(long now) {
		long due = nextDueNanos();
		if (due == Long.MAX_VALUE) {
			return;
		}
		if (this.periodTimer != null) {
			if (this.periodDueNanos - due <= 0) {
				// fires no later than needed, and reschedules itself
				return;
			}
			this.periodTimer.cancel(false);
		}
		this.periodDueNanos = due;
		this.periodTimer = this.observations.schedule(this::onPeriod, Math.max(0, due - now));
	}

	private void onPeriod() {
		boolean sample;
		synchronized (this) {
			this.periodTimer = null;
			if (this.closed || !this.started) {
				return;
			}
			long now = this.observations.nanoTime();
			long due = nextDueNanos();
			if (due - now > 0) {
				schedulePeriod(now);
				return;
			}
			sample = resendStreamOrSample(now);
		}
		if (sample) {
			sampleLater();
		}
	}

	/**
	 * Send the current state again if the keep-alive passed without a notification: the observer's handler
	 * method is invoked (a stream's latest element is sent again), and the notification goes out confirmable.
	 * Called for every observer now and then by {@link CoapObservations}, on the timer thread.
	 * @param now the current {@link System#nanoTime()}
	 */
	void checkKeepAlive(long now) {
		boolean sample;
		synchronized (this) {
			if (this.closed || !this.started || !isKeepAliveDue(now)) {
				return;
			}
			sample = resendStreamOrSample(now);
		}
		if (sample) {
			sampleLater();
		}
	}

	// with the lock held: a stream is not invoked again, its latest element is sent again; any other observer's
	// handler method is to be invoked (true)
	private boolean resendStreamOrSample(long now) {
		if (!this.stream) {
			return true;
		}
		if (this.lastResponse != null) {
			send(copy(this.lastResponse), this.conditions.getLastValue(), now);
			schedulePeriod(now);
		}
		return false;
	}

	private void sampleLater() {
		if (markQueued()) {
			this.observations.execute(this::runSample);
		}
	}

	// the end

	/**
	 * End the observation with a final response without Observe option, sent confirmable.
	 * @param response the final response
	 * @return whether the response was sent; {@code false} if the observation had ended already
	 */
	boolean end(Response response) {
		synchronized (this) {
			if (this.closed || !this.started) {
				return false;
			}
			response.getOptions().removeObserve();
			response.setType(Type.CON);
			Exchange exchange = exchange();
			// after a piggybacked response Californium considers the exchange complete until the next
			// notification opens it again; a final 2.xx must not get an Observe option, so the relation is
			// cancelled (without completing the exchange) and the exchange opened by hand, in its own executor
			exchange.execute(() -> {
				exchange.retransmitResponse();
				this.relation.onSend(response);
				exchange.sendResponse(response);
			});
		}
		close();
		this.resource.removeObserver(this);
		return true;
	}

	/**
	 * Stop: timers, held-back response and stream. Called when the relation ends.
	 */
	void close() {
		CoapResponseStreamSubscriber subscriber;
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.closed = true;
			clearHeld();
			if (this.periodTimer != null) {
				this.periodTimer.cancel(false);
				this.periodTimer = null;
			}
			this.pushed = null;
			this.hasPushed = false;
			this.lastResponse = null;
			subscriber = this.subscriber;
			this.subscriber = null;
		}
		if (subscriber != null) {
			subscriber.cancel();
		}
	}

	synchronized boolean isClosed() {
		return this.closed;
	}

	private static Response copy(Response response) {
		Response copy = new Response(response.getCode());
		copy.setOptions(new OptionSet(response.getOptions()));
		copy.getOptions().removeObserve();
		copy.setPayload(response.getPayload());
		return copy;
	}

	private static Response empty() {
		return new Response(ResponseCode.CONTENT);
	}

	/**
	 * Learns whether the registration response established the relation once it is sent, and ends the first run.
	 */
	private final class RegistrationObserver extends MessageObserverAdapter {

		private final Response response;

		// guarded by this: an AtomicBoolean would be one more object per observer until its first notification
		private boolean done;

		RegistrationObserver(Response response) {
			this.response = response;
		}

		@Override
		public void onSent(boolean retransmission) {
			if (!CoapObserver.this.relation.isEstablished()) {
				close();
				CoapObserver.this.resource.removeObserver(CoapObserver.this);
			}
			finish();
		}

		@Override
		public void onCancel() {
			failed();
		}

		@Override
		protected void failed() {
			close();
			CoapObserver.this.resource.removeObserver(CoapObserver.this);
			finish();
		}

		private void finish() {
			synchronized (this) {
				if (this.done) {
					return;
				}
				this.done = true;
			}
			// the registration and its response are kept for the relation's life: without what served only them
			// (the route is read when the response is sent, before this)
			this.response.removeMessageObserver(this);
			CoapRequestRoute.clear(exchange().getRequest());
			finishRun();
		}

	}

	/**
	 * Completes a stage when a notification left: sent, or given up.
	 */
	private static final class Departure extends MessageObserverAdapter {

		private final CompletableFuture<@Nullable Void> left;

		Departure(CompletableFuture<@Nullable Void> left) {
			super(true);
			this.left = left;
		}

		@Override
		public void onSent(boolean retransmission) {
			this.left.complete(null);
		}

		@Override
		public void onCancel() {
			this.left.complete(null);
		}

		@Override
		public void onTransferComplete() {
			this.left.complete(null);
		}

		@Override
		protected void failed() {
			this.left.complete(null);
		}

	}

	/**
	 * Receives the elements of the stream the handler method returned.
	 */
	private final class StreamListener implements CoapResultListener {

		private boolean first = true;

		@Override
		public CompletionStage<@Nullable Void> onNext(CoapHandlerResult result) {
			if (this.first) {
				this.first = false;
				onRegistrationResult(result);
				return DONE;
			}
			return onSample(result);
		}

		@Override
		public void onEnd(@Nullable CoapHandlerResult failure) {
			if (this.first) {
				this.first = false;
				abandon((failure != null) ? failure.response() : empty());
				return;
			}
			Response last;
			synchronized (CoapObserver.this) {
				last = (failure != null) ? failure.response()
						: (CoapObserver.this.lastResponse != null) ? copy(CoapObserver.this.lastResponse) : empty();
			}
			end(last);
		}

	}

}
