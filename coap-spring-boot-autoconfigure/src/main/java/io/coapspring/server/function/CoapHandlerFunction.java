package io.coapspring.server.function;

/**
 * Handles a request routed to it by a {@link CoapRouterFunction}, the counterpart of WebMvc.fn's
 * {@code HandlerFunction} (and of node-coap's {@code createServer((req, res) => ...)} handler). An exception goes
 * to the {@code @CoapExceptionHandler} methods of {@code @CoapControllerAdvice} beans, then to the error mapping
 * that handler methods share.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface CoapHandlerFunction {

	/**
	 * Handle a request.
	 * @param request the request
	 * @return the response
	 * @throws Exception on failure
	 */
	CoapServerResponse handle(CoapServerRequest request) throws Exception;

}
