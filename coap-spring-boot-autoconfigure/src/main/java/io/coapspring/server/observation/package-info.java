/**
 * Micrometer observations of the requests the CoAP server answers: the {@code coap.server.requests} timer and,
 * with a tracer, a server span per request.
 */
@NullMarked
package io.coapspring.server.observation;

import org.jspecify.annotations.NullMarked;
