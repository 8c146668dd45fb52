package io.coapspring.server.invocation;

import java.util.concurrent.CompletionStage;

import org.jspecify.annotations.Nullable;

/**
 * Receives the results of a handler method that returned a stream: one per element, then the end of the stream.
 * Calls for one stream never overlap.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public interface CoapResultListener {

	/**
	 * Receive the result of an element.
	 * @param result the result, an error response if the element could not be written
	 * @return a stage completed when the next element may come: the stream is asked for it then
	 */
	CompletionStage<@Nullable Void> onNext(CoapHandlerResult result);

	/**
	 * Receive the end of the stream.
	 * @param failure the error response of a stream that failed (as the exception handlers answer it), or
	 * {@code null} for a stream that completed
	 */
	void onEnd(@Nullable CoapHandlerResult failure);

}
