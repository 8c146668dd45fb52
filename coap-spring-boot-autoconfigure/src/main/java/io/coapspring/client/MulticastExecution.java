package io.coapspring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Endpoint;

/**
 * Sends one NON request, typically to a multicast group, and collects every response that arrives within a
 * window, or until a response satisfies a condition; then cancels the request so that later responses are
 * dropped.
 *
 * @author CoAP Spring Boot team
 */
final class MulticastExecution extends MessageObserverAdapter {

	private final CompletableFuture<List<Response>> future = new CompletableFuture<>();

	private final List<Response> responses = new ArrayList<>();

	private final Request request;

	private final String description;

	private final Predicate<Response> enough;

	private MulticastExecution(Request request, String description, Predicate<Response> enough) {
		this.request = request;
		this.description = description;
		this.enough = enough;
	}

	/**
	 * Send a request and collect its responses.
	 * @param prepared the request, sent as NON whatever it says
	 * @param endpoint the endpoint to send it from
	 * @param endpoints the endpoints that schedule the end of the window and fail the request when closed
	 * @param window how long responses are collected
	 * @return the future responses, in the order they arrived
	 */
	static CompletableFuture<List<Response>> send(PreparedRequest prepared, Endpoint endpoint,
			CoapClientEndpoints endpoints, Duration window) {
		return send(prepared, endpoint, endpoints, window, (response) -> false);
	}

	/**
	 * Send a request and collect its responses until one of them is enough.
	 * @param prepared the request, sent as NON whatever it says
	 * @param endpoint the endpoint to send it from
	 * @param endpoints the endpoints that schedule the end of the window and fail the request when closed
	 * @param window how long responses are collected at most
	 * @param enough tells, on a protocol thread, whether a response ends the collection early
	 * @return the future responses, in the order they arrived, the one that was enough last
	 */
	static CompletableFuture<List<Response>> send(PreparedRequest prepared, Endpoint endpoint,
			CoapClientEndpoints endpoints, Duration window, Predicate<Response> enough) {
		MulticastExecution execution = new MulticastExecution(prepared.request(), prepared.describe(), enough);
		endpoints.track(execution.future);
		return execution.start(endpoint, endpoints.getScheduler(), window);
	}

	private CompletableFuture<List<Response>> start(Endpoint endpoint, ScheduledExecutorService scheduler,
			Duration window) {
		this.request.setConfirmable(false);
		this.request.addMessageObserver(this);
		this.future.whenComplete((responses, ex) -> this.request.cancel());
		scheduler.schedule(this::closeWindow, window.toNanos(), TimeUnit.NANOSECONDS);
		try {
			endpoint.sendRequest(this.request);
		}
		catch (RuntimeException ex) {
			this.future.completeExceptionally(new CoapClientException("Could not send " + this.description + ": "
					+ ex.getMessage(), ex));
		}
		return this.future;
	}

	private void closeWindow() {
		synchronized (this.responses) {
			this.future.complete(List.copyOf(this.responses));
		}
	}

	@Override
	public void onResponse(Response response) {
		List<Response> collected = null;
		synchronized (this.responses) {
			if (!this.future.isDone()) {
				this.responses.add(response);
				if (this.enough.test(response)) {
					collected = List.copyOf(this.responses);
				}
			}
		}
		if (collected != null) {
			this.future.complete(collected);
		}
	}

	@Override
	public void onSendError(Throwable error) {
		this.future.completeExceptionally(new CoapClientException("Could not send " + this.description + ": "
				+ error.getMessage(), error));
	}

	@Override
	public void onResponseHandlingError(Throwable cause) {
		this.future.completeExceptionally(new CoapClientException("Could not receive a response to "
				+ this.description + ": " + cause.getMessage(), cause));
	}

}
