/**
 * Invoking CoAP handler methods: the {@link io.coapspring.server.invocation.CoapHandlerAdapter}, the argument
 * resolver and return value handler SPIs and their composites, the {@link io.coapspring.server.invocation.CoapRequest}
 * handlers see, response writing, streams of responses, and exception handling ({@code @CoapExceptionHandler},
 * {@code @CoapControllerAdvice}, error responses).
 */
@NullMarked
package io.coapspring.server.invocation;

import org.jspecify.annotations.NullMarked;
