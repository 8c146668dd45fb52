package io.coapspring.server.invocation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import io.coapspring.server.mapping.CoapHandlerMapping;
import org.jspecify.annotations.Nullable;

/**
 * Subscribes to the stream a handler method returned and turns each element into a result for a
 * {@link CoapResultListener}, one element at a time: the next element is requested once the listener is done
 * with the previous one (for an observer, once its notification left), so a fast stream is never buffered
 * here.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapResponseStreamSubscriber implements Flow.Subscriber<@Nullable Object> {

	private final CoapHandlerAdapter adapter;

	private final CoapHandlerMapping mapping;

	private final CoapRequest request;

	private final CoapResultListener listener;

	private final Object lock = new Object();

	private Flow.@Nullable Subscription subscription;

	private boolean cancelled;

	// signals are serial (Reactive Streams rule 1.3): the end waits for the element before it
	private volatile CompletionStage<?> previous = CompletableFuture.completedFuture(null);

	CoapResponseStreamSubscriber(CoapHandlerAdapter adapter, CoapHandlerMapping mapping, CoapRequest request,
			CoapResultListener listener) {
		this.adapter = adapter;
		this.mapping = mapping;
		this.request = request;
		this.listener = listener;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		boolean refused;
		synchronized (this.lock) {
			refused = this.cancelled || this.subscription != null;
			if (!refused) {
				this.subscription = subscription;
			}
		}
		if (refused) {
			subscription.cancel();
			return;
		}
		subscription.request(1);
	}

	@Override
	public void onNext(@Nullable Object element) {
		this.previous = this.previous.thenCompose((ignored) -> this.adapter.writeElement(this.mapping, this.request,
				element))
			.thenCompose((result) -> isCancelled() ? CompletableFuture.completedFuture(null)
					: this.listener.onNext(result))
			.whenComplete((ignored, ex) -> requestNext());
	}

	private void requestNext() {
		Flow.Subscription subscription;
		synchronized (this.lock) {
			subscription = this.cancelled ? null : this.subscription;
		}
		if (subscription != null) {
			subscription.request(1);
		}
	}

	@Override
	public void onError(Throwable failure) {
		this.previous = this.previous
			.thenCompose((ignored) -> this.adapter.handleFailure(failure, this.mapping, this.request))
			.thenAccept((result) -> {
				if (!isCancelled()) {
					this.listener.onEnd(result);
				}
			});
	}

	@Override
	public void onComplete() {
		this.previous = this.previous.thenRun(() -> {
			if (!isCancelled()) {
				this.listener.onEnd(null);
			}
		});
	}

	/**
	 * Stop receiving elements; the listener is not called any more.
	 */
	public void cancel() {
		Flow.Subscription subscription;
		synchronized (this.lock) {
			if (this.cancelled) {
				return;
			}
			this.cancelled = true;
			subscription = this.subscription;
		}
		if (subscription != null) {
			subscription.cancel();
		}
	}

	private boolean isCancelled() {
		synchronized (this.lock) {
			return this.cancelled;
		}
	}

}
