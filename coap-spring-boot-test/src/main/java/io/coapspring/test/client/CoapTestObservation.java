package io.coapspring.test.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.Request;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * An observation (RFC 7641) made by a {@link CoapTestClient}: it collects the response to the registration and
 * every notification that follows, in the order they arrive. {@link #close()} deregisters proactively.
 *
 * <pre class="code">
 * try (CoapTestObservation observation = client.get("/sensors/7").observe()) {
 *     observation.awaitNotifications(1).get(0).expectObserve().expectPayload("21.5");
 *     sensors.update(7, 22.0);
 *     observation.awaitNotifications(2).get(1).expectPayload("22.0");
 * }
 * </pre>
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapTestObservation implements AutoCloseable {

	private final CoapTestClient client;

	private final String description;

	private final List<CoapTestResponse> notifications = new ArrayList<>();

	private final CoapClient californium;

	private final CoapObserveRelation relation;

	private boolean failed;

	private @Nullable String ended;

	CoapTestObservation(CoapTestClient client, Request request, String description) {
		this.client = client;
		this.description = description;
		this.californium = new CoapClient(request.getURI());
		this.californium.setEndpoint(client.endpoint());
		this.californium.setExecutors(client.executor(), client.scheduler(), true);
		this.relation = this.californium.observe(request, new CoapHandler() {

			@Override
			public void onLoad(CoapResponse response) {
				received(response);
			}

			@Override
			public void onError() {
				failed();
			}

		});
	}

	private synchronized void received(CoapResponse response) {
		this.notifications.add(new CoapTestResponse(response.advanced(), this.client.converters(), this.description));
		if (!response.getOptions().hasObserve() && this.ended == null) {
			// a response without Observe option ends the observation (RFC 7641 section 3.2): no more will come
			this.ended = (this.notifications.size() == 1)
					? "the resource is not observable: the response to the registration (" + response.getCode() + " "
							+ response.getCode().name() + ") has no Observe option"
					: "the server ended the observation with " + response.getCode() + " " + response.getCode().name();
		}
		notifyAll();
	}

	private synchronized void failed() {
		this.failed = true;
		notifyAll();
	}

	/**
	 * Return the responses received so far: the response to the registration, then the notifications.
	 * @return a snapshot of the responses
	 */
	public synchronized List<CoapTestResponse> getNotifications() {
		return List.copyOf(this.notifications);
	}

	/**
	 * Wait, up to the client's timeout, until at least the given number of responses arrived. Fails at once,
	 * without waiting, when no more can come: the resource is not observable (the response to the registration
	 * has no Observe option), or the server ended the observation.
	 * @param count the number of responses, the response to the registration included
	 * @return the responses received, at least {@code count}
	 * @throws AssertionError if they do not arrive in time or the observation failed or ended
	 */
	public List<CoapTestResponse> awaitNotifications(int count) {
		return awaitNotifications(count, this.client.timeout());
	}

	/**
	 * Wait until at least the given number of responses arrived.
	 * @param count the number of responses, the response to the registration included
	 * @param timeout how long to wait
	 * @return the responses received, at least {@code count}
	 * @throws AssertionError if they do not arrive in time or the observation failed or ended
	 */
	public synchronized List<CoapTestResponse> awaitNotifications(int count, Duration timeout) {
		Assert.isTrue(count > 0, "'count' must be positive");
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.notifications.size() < count && !this.failed && this.ended == null) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				break;
			}
			try {
				wait(Math.max(1, left / 1_000_000), 0);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for notifications", ex);
			}
		}
		if (this.notifications.size() < count && this.ended != null) {
			throw new AssertionError("CoAP observation " + this.description + ": expected " + count
					+ " response(s) but got " + this.notifications.size() + " and no more will come; " + this.ended
					+ ": " + this.notifications);
		}
		if (this.notifications.size() < count) {
			throw new AssertionError("CoAP observation " + this.description + ": expected " + count
					+ " response(s) within " + timeout.toMillis() + " ms but got " + this.notifications.size()
					+ (this.failed ? "; the observation failed (rejected or timed out)" : "") + ": "
					+ this.notifications);
		}
		return List.copyOf(this.notifications);
	}

	/**
	 * Return whether the server ended the observation, or the registration was not answered.
	 * @return {@code true} if the observation is over
	 */
	public boolean isCanceled() {
		return this.relation.isCanceled();
	}

	/**
	 * Deregister proactively (a GET with Observe=1) and stop collecting.
	 */
	@Override
	public void close() {
		if (!this.relation.isCanceled()) {
			this.relation.proactiveCancel();
		}
		this.californium.shutdown();
	}

}
