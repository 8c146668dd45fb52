package io.coapspring.server.observe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import io.coapspring.server.CoapObservationTerminator;
import io.coapspring.server.CoapPiggybackTimer;
import io.coapspring.server.deduplication.SourceContextReuse;
import io.coapspring.server.invocation.CoapErrorResponses;
import io.coapspring.server.invocation.CoapHandlerAdapter;
import io.coapspring.server.invocation.CoapRequest;
import io.coapspring.server.mapping.CoapHandlerMapping;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.observe.ObserveRelation;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.Assert;

/**
 * The observers of mapped resources (RFC 7641): registers them when an observable mapping answers an Observe
 * request, samples them again when the application signals a change, and ends them when the server stops.
 * <p>
 * Samples run on the handler executor in batches of a few dozen observers, so a change of a resource with
 * thousands of observers takes a few tasks, not thousands; when the executor is saturated the batch is retried
 * shortly after. The timers of conditional attributes ({@code pmin}, {@code pmax}, {@code epmin},
 * {@code epmax}) and of freshness run on one daemon thread. The keep-alive needs no timer per observer: the same
 * thread looks at every observer an eighth of the keep-alive apart (at most 15 s), so an observer is sent its state
 * again between the keep-alive and an eighth of it (at most 15 s) later.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapObservations implements CoapObservationTerminator, DisposableBean {

	private static final Log logger = LogFactory.getLog(CoapObservations.class);

	private static final int BATCH_SIZE = 64;

	private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	/** The keep-alive is checked this many times per keep-alive period (see {@link #keepAliveCheckNanos}). */
	private static final int KEEP_ALIVE_CHECKS_PER_PERIOD = 8;

	private static final long MAX_KEEP_ALIVE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(15);

	private final CoapHandlerAdapter adapter;

	private final CoapErrorResponses errorResponses;

	private final CoapObservedResources observedResources;

	private final Executor executor;

	private final @Nullable Type notificationType;

	private final ObservedValues values = new ObservedValues();

	private final CoapNotificationChecks notificationChecks = new CoapNotificationChecks();

	private final ScheduledThreadPoolExecutor scheduler;

	private long keepAliveNanos = -1;

	private final AtomicBoolean keepAliveChecks = new AtomicBoolean();

	private int maxObserversPerPeer;

	/**
	 * Create the observations.
	 * @param adapter invokes the handler methods
	 * @param errorResponses builds error responses
	 * @param observedResources keeps the resources that have observers
	 * @param executor runs the handler methods
	 * @param notificationType the type of notifications: {@code NON} (with a {@code CON} now and then to check that
	 * the observer is still there) or {@code CON}; {@code null} for the type of each registration request
	 */
	public CoapObservations(CoapHandlerAdapter adapter, CoapErrorResponses errorResponses,
			CoapObservedResources observedResources, Executor executor, @Nullable Type notificationType) {
		Assert.notNull(adapter, "'adapter' must not be null");
		Assert.notNull(errorResponses, "'errorResponses' must not be null");
		Assert.notNull(observedResources, "'observedResources' must not be null");
		Assert.notNull(executor, "'executor' must not be null");
		Assert.isTrue(notificationType == null || notificationType == Type.NON || notificationType == Type.CON,
				"'notificationType' must be NON or CON");
		this.adapter = adapter;
		this.errorResponses = errorResponses;
		this.observedResources = observedResources;
		this.executor = executor;
		this.notificationType = notificationType;
		this.scheduler = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "coap-observe-timer");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.setRemoveOnCancelPolicy(true);
		this.scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
	}

	/**
	 * Set the keep-alive of observers: an observer that got no notification for this time is sent the current
	 * state again, as a confirmable notification, so that an observer that left without saying so is found out
	 * (its notification is not acknowledged) and its relation dropped. Observers are looked at an eighth of the
	 * keep-alive apart (at most 15 s), so the notification leaves up to that much later than the keep-alive.
	 * @param keepAlive the time, or {@code null} for no keep-alive
	 */
	public void setKeepAlive(@Nullable Duration keepAlive) {
		Assert.isTrue(keepAlive == null || (!keepAlive.isNegative() && !keepAlive.isZero()),
				"'keepAlive' must be positive");
		this.keepAliveNanos = (keepAlive != null) ? keepAlive.toNanos() : -1;
	}

	/**
	 * Set the largest number of observe relations a peer may have over all mapped resources; a further
	 * registration is answered 5.03 Service Unavailable with a Max-Age.
	 * @param maxObserversPerPeer the number, 0 for no limit
	 */
	public void setMaxObserversPerPeer(int maxObserversPerPeer) {
		Assert.isTrue(maxObserversPerPeer >= 0, "'maxObserversPerPeer' must not be negative");
		this.maxObserversPerPeer = maxObserversPerPeer;
	}

	long getKeepAliveNanos() {
		return this.keepAliveNanos;
	}

	/**
	 * Return the type of notifications.
	 * @return {@code NON} or {@code CON}, {@code null} for the type of each registration request
	 */
	public @Nullable Type getNotificationType() {
		return this.notificationType;
	}

	/**
	 * Register an observer: answer an Observe request on an observable mapping; a success establishes the
	 * observation. Invalid conditional attributes are answered with 4.00 Bad Request.
	 * @param exchange the exchange of the request
	 * @param relation Californium's relation of the request, not yet established
	 * @param resource the resource of the request path
	 * @param mapping the selected, observable mapping
	 * @param request the request
	 * @param piggybackTimer the timer of the empty ACK, cancelled when the response is sent
	 */
	public void register(Exchange exchange, ObserveRelation relation, CoapHandlerResource resource,
			CoapHandlerMapping mapping, CoapRequest request, CoapPiggybackTimer.@Nullable PendingAck piggybackTimer) {
		ConditionalAttributes attributes;
		try {
			attributes = ConditionalAttributes.parse(request.getQueryItems());
		}
		catch (InvalidConditionalAttributeException ex) {
			Response invalid = badRequest(ex.getMessage(), request);
			if (piggybackTimer != null) {
				piggybackTimer.cancel();
			}
			relation.onSend(invalid);
			exchange.sendResponse(invalid);
			this.observedResources.release(resource);
			return;
		}
		// the registration is kept for the relation's life: with the endpoint context another observer of the
		// same peer keeps, if equal
		Request registration = exchange.getRequest();
		registration.setSourceContext(this.observedResources.share(registration.getSourceContext()));
		SourceContextReuse.apply(exchange);
		// the registration is kept for the relation's life, but its datagram is never read again once parsed
		// (only a message that is sent is serialized): about 40 bytes per relation
		registration.setBytes(null);
		Endpoint endpoint = exchange.getEndpoint();
		this.notificationChecks.stagger(relation, (endpoint != null) ? endpoint.getConfig() : null);
		CoapObserver observer = new CoapObserver(this, resource, relation, mapping, request, attributes,
				this.adapter.isStream(mapping));
		resource.addObserver(observer);
		startKeepAliveChecks();
		observer.start(piggybackTimer);
	}

	private void startKeepAliveChecks() {
		long interval = keepAliveCheckNanos(this.keepAliveNanos);
		if (interval > 0 && this.keepAliveChecks.compareAndSet(false, true)) {
			try {
				this.scheduler.scheduleWithFixedDelay(this::checkKeepAlive, interval, interval, TimeUnit.NANOSECONDS);
			}
			catch (RejectedExecutionException ex) {
				// shut down
			}
		}
	}

	/**
	 * Return how far apart the observers are looked at for their keep-alive: an eighth of it, at most 15 s.
	 * @param keepAliveNanos the keep-alive, negative for none
	 * @return the interval, -1 for none
	 */
	static long keepAliveCheckNanos(long keepAliveNanos) {
		if (keepAliveNanos <= 0) {
			return -1;
		}
		return Math.max(1, Math.min(keepAliveNanos / KEEP_ALIVE_CHECKS_PER_PERIOD, MAX_KEEP_ALIVE_CHECK_NANOS));
	}

	private void checkKeepAlive() {
		// a periodic task that throws is not run again: every observer is looked at in its own try
		long now = nanoTime();
		for (CoapHandlerResource resource : this.observedResources.getAll()) {
			for (CoapObserver observer : resource.getObservers()) {
				try {
					observer.checkKeepAlive(now);
				}
				catch (RuntimeException ex) {
					logger.error("Keep-alive of an observer of " + observer.getRequest() + " failed", ex);
				}
			}
		}
	}

	/**
	 * Return whether a new relation would exceed the largest number of relations of its peer
	 * ({@link #setMaxObserversPerPeer}); a registration again with the token of one of the peer's relations of the
	 * resource replaces it and does not.
	 * @param relation the relation of the registration, not yet established
	 * @param resource the resource it observes
	 * @return {@code true} if the registration is to be refused
	 */
	public boolean isOverPeerLimit(ObserveRelation relation, CoapHandlerResource resource) {
		int max = this.maxObserversPerPeer;
		if (max <= 0 || this.observedResources.getObserverCount(relation.getSource()) < max) {
			return false;
		}
		Token token = relation.getExchange().getRequest().getToken();
		for (CoapObserver observer : resource.getObservers()) {
			ObserveRelation existing = observer.getRelation();
			if (existing.getSource().equals(relation.getSource())
					&& token.equals(existing.getExchange().getRequest().getToken())) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Sample the observer of an established relation again, when Californium notifies it (for instance after
	 * {@code CoapResource.changed()}).
	 * @param resource the resource the relation observes
	 * @param relation the relation
	 */
	public void sample(CoapHandlerResource resource, ObserveRelation relation) {
		CoapObserver observer = resource.getObserver(relation);
		if (observer != null) {
			sample(List.of(observer));
		}
	}

	/**
	 * Sample observers again: invoke the handler method for each, with its own registration request.
	 * @param observers the observers
	 */
	void sample(Collection<CoapObserver> observers) {
		List<CoapObserver> queued = new ArrayList<>(Math.min(observers.size(), BATCH_SIZE));
		for (CoapObserver observer : observers) {
			if (observer.markQueued()) {
				queued.add(observer);
				if (queued.size() == BATCH_SIZE) {
					runBatch(queued);
					queued = new ArrayList<>(BATCH_SIZE);
				}
			}
		}
		if (!queued.isEmpty()) {
			runBatch(queued);
		}
	}

	/**
	 * Send a value to observers without invoking the handler method.
	 * @param observers the observers
	 * @param value the value
	 */
	void push(Collection<CoapObserver> observers, @Nullable Object value) {
		List<CoapObserver> queued = new ArrayList<>(Math.min(observers.size(), BATCH_SIZE));
		for (CoapObserver observer : observers) {
			if (observer.push(value)) {
				queued.add(observer);
				if (queued.size() == BATCH_SIZE) {
					runBatch(queued);
					queued = new ArrayList<>(BATCH_SIZE);
				}
			}
		}
		if (!queued.isEmpty()) {
			runBatch(queued);
		}
	}

	private void runBatch(List<CoapObserver> batch) {
		execute(() -> {
			for (CoapObserver observer : batch) {
				try {
					observer.runSample();
				}
				catch (RuntimeException ex) {
					logger.error("Notification of an observer of " + observer.getRequest() + " failed", ex);
				}
			}
		});
	}

	/**
	 * Run a task on the handler executor, retrying shortly after while it is saturated.
	 * @param task the task
	 */
	void execute(Runnable task) {
		try {
			this.executor.execute(task);
		}
		catch (RejectedExecutionException ex) {
			if (this.scheduler.isShutdown()) {
				return;
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Handler executor saturated, notifications retried in "
						+ TimeUnit.NANOSECONDS.toMillis(RETRY_NANOS) + " ms");
			}
			schedule(() -> execute(task), RETRY_NANOS);
		}
	}

	/**
	 * Run a task on the timer thread after a delay.
	 * @param task the task, short and non-blocking
	 * @param delayNanos the delay
	 * @return the handle to cancel it
	 */
	@Nullable ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
		try {
			return this.scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// shut down
			return null;
		}
	}

	/**
	 * End every observation with a final 5.03 Service Unavailable (or the given code) without Observe option,
	 * sent confirmable; registrations in progress are answered without establishing an observation.
	 * @param code the code of the final responses, an error code
	 * @return the final responses sent
	 */
	@Override
	public List<Response> terminate(ResponseCode code) {
		return end((resource) -> true, code, "The server is shutting down");
	}

	/**
	 * End the observations of some resources with a final error response without Observe option (RFC 7641
	 * section 3.2), sent confirmable: how observers learn that a resource removed at run time is gone.
	 * @param resources selects the observed resources whose observations end
	 * @param code the code of the final responses, an error code
	 * @param diagnostic the diagnostic payload of the final responses
	 * @return the final responses sent
	 * @since 0.1.0
	 */
	public List<Response> end(Predicate<CoapHandlerResource> resources, ResponseCode code, String diagnostic) {
		Assert.isTrue(!code.isSuccess(), "'code' must be an error code");
		List<Response> sent = new ArrayList<>();
		for (CoapHandlerResource resource : this.observedResources.getAll()) {
			if (!resources.test(resource)) {
				continue;
			}
			for (CoapObserver observer : List.copyOf(resource.getObservers())) {
				Response response = this.errorResponses.create(code, diagnostic, observer.getRequest().getAccept());
				if (observer.end(response)) {
					sent.add(response);
				}
				else {
					observer.close();
					resource.removeObserver(observer);
				}
			}
		}
		return sent;
	}

	/**
	 * Return the number of observers of mapped resources.
	 * @return the count
	 */
	public int getObserverCount() {
		int count = 0;
		for (CoapHandlerResource resource : this.observedResources.getAll()) {
			count += resource.getObservers().size();
		}
		return count;
	}

	CoapHandlerAdapter getAdapter() {
		return this.adapter;
	}

	ObservedValues getValues() {
		return this.values;
	}

	Response badRequest(String diagnostic, CoapRequest request) {
		return this.errorResponses.create(ResponseCode.BAD_REQUEST, diagnostic, request.getAccept());
	}

	long nanoTime() {
		return System.nanoTime();
	}

	long currentTimeMillis() {
		return System.currentTimeMillis();
	}

	/**
	 * Stop the timers.
	 */
	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
