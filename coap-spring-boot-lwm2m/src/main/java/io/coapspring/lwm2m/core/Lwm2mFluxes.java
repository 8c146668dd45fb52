package io.coapspring.lwm2m.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import org.springframework.util.Assert;

/**
 * Observations as Reactor {@link Flux}es (needs {@code reactor-core} on the classpath). Kept out of
 * {@link Lwm2mOperations} so that the interface does not need Reactor.
 *
 * <pre class="code">
 * Flux&lt;Lwm2mContent&gt; battery = Lwm2mFluxes.observe(lwm2mTemplate, "sensor-1", "/3/0/9");
 * battery.take(10).subscribe(...);
 * </pre>
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class Lwm2mFluxes {

	private Lwm2mFluxes() {
	}

	/**
	 * Observe a path: the flux emits the current value first, then each notification. The observation starts
	 * on subscription and is cancelled when the subscriber cancels; the flux errors with an {@link Lwm2mException}
	 * if the observation cannot start, and completes when the registration ends or the observation is cancelled
	 * on the server.
	 * @param operations the operations to observe with
	 * @param endpoint the endpoint name
	 * @param path the path
	 * @return the flux of contents
	 */
	public static Flux<Lwm2mContent> observe(Lwm2mOperations operations, String endpoint, String path) {
		Assert.notNull(operations, "'operations' must not be null");
		return Flux.create((sink) -> {
			AtomicBoolean cancelled = new AtomicBoolean();
			CompletableFuture<Lwm2mObservation> started = operations.observeAsync(endpoint, path, sink::next);
			started.whenComplete((observation, failure) -> {
				if (failure != null) {
					sink.error((failure.getCause() != null && failure instanceof java.util.concurrent.CompletionException)
							? failure.getCause() : failure);
					return;
				}
				if (cancelled.get()) {
					observation.cancel();
					return;
				}
				sink.next(observation.initialContent());
				sink.onDispose(observation::cancel);
				if (observation instanceof Lwm2mObservations.Subscription subscription) {
					subscription.onEnd(sink::complete);
				}
			});
			sink.onCancel(() -> {
				cancelled.set(true);
				started.thenAccept(Lwm2mObservation::cancel);
			});
		}, FluxSink.OverflowStrategy.LATEST);
	}

}
