/**
 * Functional CoAP endpoints in the idiom of Spring's WebMvc.fn: router functions built with
 * {@link io.coapspring.server.function.CoapRouterFunctions#route()}, handler functions from
 * {@link io.coapspring.server.function.CoapServerRequest} to
 * {@link io.coapspring.server.function.CoapServerResponse}, and the
 * {@link io.coapspring.server.function.CoapRouteRegistry} that adds and removes routes while the server runs.
 * Routes are registered in the same mapping registry as annotated handler methods and share their routing,
 * invocation, observe, discovery and exception handling.
 */
@NullMarked
package io.coapspring.server.function;

import org.jspecify.annotations.NullMarked;
