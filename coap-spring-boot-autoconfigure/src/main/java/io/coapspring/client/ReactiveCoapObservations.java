package io.coapspring.client;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.Assert;

/**
 * Observations as Reactor {@link Flux}es, auto-configured when Reactor is on the class path. Each
 * subscription registers an observation; disposing the subscription cancels it with a proactive
 * deregistration. The flux completes when the server ends the observation and errors when it fails.
 * <p>
 * A notification without payload converts to {@code null}, which a {@code Flux} cannot carry: it is skipped.
 * Notifications are buffered while the subscriber does not request more.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class ReactiveCoapObservations {

	private final CoapOperations operations;

	/**
	 * Create observations on the given client.
	 * @param operations the client
	 */
	public ReactiveCoapObservations(CoapOperations operations) {
		Assert.notNull(operations, "'operations' must not be null");
		this.operations = operations;
	}

	/**
	 * Observe a resource.
	 * @param <T> the notification type
	 * @param uri the URI
	 * @param type the notification type
	 * @return a cold flux of notifications
	 */
	public <T> Flux<T> observe(String uri, Class<T> type) {
		Assert.notNull(uri, "'uri' must not be null");
		return observe(CoapRequestEntity.get(URI.create(uri)).build(), type);
	}

	/**
	 * Observe a resource with a GET request entity.
	 * @param <T> the notification type
	 * @param request the registration request
	 * @param type the notification type
	 * @return a cold flux of notifications
	 */
	public <T> Flux<T> observe(CoapRequestEntity<?> request, Class<T> type) {
		Assert.notNull(request, "'request' must not be null");
		Assert.notNull(type, "'type' must not be null");
		return Flux.create((sink) -> {
			CoapObservation<T> observation = this.operations.observe(request, type, new SinkListener<>(sink));
			sink.onDispose(observation::cancel);
		});
	}

	/**
	 * Observe a resource with a GET request entity, converting notifications to a generic type.
	 * @param <T> the notification type
	 * @param request the registration request
	 * @param type the notification type
	 * @return a cold flux of notifications
	 */
	public <T> Flux<T> observe(CoapRequestEntity<?> request, ParameterizedTypeReference<T> type) {
		Assert.notNull(request, "'request' must not be null");
		Assert.notNull(type, "'type' must not be null");
		return Flux.create((sink) -> {
			CoapObservation<T> observation = this.operations.observe(request, type, new SinkListener<>(sink));
			sink.onDispose(observation::cancel);
		});
	}

	private static final class SinkListener<T> implements CoapObservationListener<T> {

		private final FluxSink<T> sink;

		private SinkListener(FluxSink<T> sink) {
			this.sink = sink;
		}

		@Override
		public void onNext(@Nullable T value) {
			if (value != null) {
				this.sink.next(value);
			}
		}

		@Override
		public void onError(Throwable error) {
			this.sink.error(error);
		}

		@Override
		public void onComplete() {
			this.sink.complete();
		}

	}

}
