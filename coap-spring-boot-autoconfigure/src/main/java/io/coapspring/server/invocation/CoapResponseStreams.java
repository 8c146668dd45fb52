package io.coapspring.server.invocation;

import java.util.concurrent.Flow;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.FlowAdapters;
import org.reactivestreams.Publisher;

import org.springframework.core.MethodParameter;
import org.springframework.core.ReactiveAdapter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.util.ClassUtils;

/**
 * Recognizes the return types of handler methods that produce a stream of values, each one a response (for an
 * observer, a notification), and adapts them to a {@link Flow.Publisher}: {@code java.util.concurrent.Flow.Publisher}
 * always; and, when Reactive Streams is on the class path, every multi-value type of Spring's
 * {@link ReactiveAdapterRegistry} (Reactor's {@code Flux}, any {@code org.reactivestreams.Publisher} other than a
 * {@code Mono}, RxJava's {@code Flowable} and {@code Observable}, ...).
 *
 * @author CoAP Spring Boot team
 */
final class CoapResponseStreams {

	private static final boolean REACTIVE_STREAMS_PRESENT = ClassUtils.isPresent("org.reactivestreams.Publisher",
			CoapResponseStreams.class.getClassLoader());

	/**
	 * Return whether a return type is a stream.
	 * @param returnType the return type of a handler method
	 * @return {@code true} if its values are streams
	 */
	boolean isStream(MethodParameter returnType) {
		Class<?> type = returnType.getParameterType();
		return Flow.Publisher.class.isAssignableFrom(type) || (REACTIVE_STREAMS_PRESENT && ReactiveStreams.isStream(type));
	}

	/**
	 * Adapt a stream.
	 * @param value the value of a handler method whose return type is a stream
	 * @return the publisher
	 */
	@SuppressWarnings("unchecked")
	Flow.Publisher<@Nullable Object> toPublisher(Object value) {
		if (value instanceof Flow.Publisher<?> publisher) {
			return (Flow.Publisher<@Nullable Object>) publisher;
		}
		return ReactiveStreams.toPublisher(value);
	}

	/**
	 * Adapts the types of the {@link ReactiveAdapterRegistry}; loaded only when Reactive Streams is present.
	 */
	private static final class ReactiveStreams {

		static boolean isStream(Class<?> type) {
			ReactiveAdapter adapter = ReactiveAdapterRegistry.getSharedInstance().getAdapter(type);
			return adapter != null && adapter.isMultiValue();
		}

		@SuppressWarnings("unchecked")
		static Flow.Publisher<@Nullable Object> toPublisher(Object value) {
			ReactiveAdapter adapter = ReactiveAdapterRegistry.getSharedInstance().getAdapter(value.getClass());
			if (adapter == null) {
				throw new IllegalStateException("No reactive adapter for " + value.getClass().getName());
			}
			Publisher<Object> publisher = adapter.toPublisher(value);
			return (Flow.Publisher<@Nullable Object>) (Flow.Publisher<?>) FlowAdapters.toFlowPublisher(publisher);
		}

	}

}
