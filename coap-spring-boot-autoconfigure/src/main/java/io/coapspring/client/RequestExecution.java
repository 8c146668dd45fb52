package io.coapspring.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.exception.EndpointMismatchException;
import org.jspecify.annotations.Nullable;

/**
 * Sends one request and completes a future with its response, or with the exception that explains why
 * there is none: {@link CoapTimeoutException} when the timeout elapses or the retransmissions run out,
 * {@link CoapResetException} on RST, {@link CoapClientException} when sending fails.
 * <p>
 * Cancelling the future cancels the request, which stops its retransmission and block-wise transfer.
 *
 * @author CoAP Spring Boot team
 */
final class RequestExecution extends MessageObserverAdapter {

	private final CompletableFuture<Response> future = new CompletableFuture<>();

	private final Request request;

	private final String description;

	private final Duration timeout;

	private volatile @Nullable ScheduledFuture<?> timeoutTask;

	private RequestExecution(Request request, String description, Duration timeout) {
		this.request = request;
		this.description = description;
		this.timeout = timeout;
	}

	/**
	 * Send a request.
	 * @param prepared the request
	 * @param endpoint the endpoint to send it from
	 * @param endpoints the endpoints that schedule the timeout and fail the request when closed
	 * @return the future response
	 */
	static CompletableFuture<Response> send(PreparedRequest prepared, Endpoint endpoint,
			CoapClientEndpoints endpoints) {
		RequestExecution execution = new RequestExecution(prepared.request(), prepared.describe(), prepared.timeout());
		endpoints.track(execution.future);
		return execution.start(endpoint, endpoints.getScheduler());
	}

	private CompletableFuture<Response> start(Endpoint endpoint, ScheduledExecutorService scheduler) {
		this.request.addMessageObserver(this);
		this.future.whenComplete((response, ex) -> {
			ScheduledFuture<?> task = this.timeoutTask;
			if (task != null) {
				task.cancel(false);
			}
			if (this.future.isCancelled() || ex != null) {
				this.request.cancel();
			}
		});
		this.timeoutTask = scheduler.schedule(this::timeout, this.timeout.toNanos(), TimeUnit.NANOSECONDS);
		try {
			endpoint.sendRequest(this.request);
		}
		catch (RuntimeException ex) {
			this.future.completeExceptionally(new CoapClientException("Could not send " + this.description + ": "
					+ ex.getMessage(), ex));
		}
		return this.future;
	}

	private void timeout() {
		this.future.completeExceptionally(new CoapTimeoutException("No response to " + this.description
				+ " within " + this.timeout.toMillis() + " ms", this.timeout));
	}

	@Override
	public void onResponse(Response response) {
		this.future.complete(response);
	}

	@Override
	public void onReject() {
		this.future.completeExceptionally(new CoapResetException(this.description + " was rejected with RST"));
	}

	@Override
	public void onTimeout() {
		this.future.completeExceptionally(new CoapTimeoutException("No acknowledgement of " + this.description
				+ " after the last retransmission", Duration.ZERO));
	}

	@Override
	public void onCancel() {
		this.future.completeExceptionally(new CoapClientException(this.description + " was cancelled"));
	}

	@Override
	public void onSendError(Throwable error) {
		String reason = (error instanceof EndpointMismatchException)
				? "the DTLS session with that server address was established for another host name; reach each"
						+ " server under one host name (or IP address) per template"
				: error.getMessage();
		this.future.completeExceptionally(new CoapClientException("Could not send " + this.description + ": "
				+ reason, error));
	}

	@Override
	public void onResponseHandlingError(Throwable cause) {
		this.future.completeExceptionally(new CoapClientException("Could not receive the response to "
				+ this.description + ": " + cause.getMessage(), cause));
	}

}
