package io.coapspring.server.function;

/**
 * Wraps the handler functions of a router function, the counterpart of WebMvc.fn's
 * {@code HandlerFilterFunction}: it may change the request's outcome, answer instead of the handler, or call
 * {@code next}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface CoapHandlerFilterFunction {

	/**
	 * Filter a request.
	 * @param request the request
	 * @param next the handler, or the next filter
	 * @return the response
	 * @throws Exception on failure
	 */
	CoapServerResponse filter(CoapServerRequest request, CoapHandlerFunction next) throws Exception;

	/**
	 * Apply this filter to a handler.
	 * @param handler the handler
	 * @return the filtered handler
	 */
	default CoapHandlerFunction apply(CoapHandlerFunction handler) {
		return (request) -> filter(request, handler);
	}

}
