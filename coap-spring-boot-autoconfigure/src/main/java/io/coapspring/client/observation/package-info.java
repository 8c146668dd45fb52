/**
 * Micrometer observations of the requests {@code CoapTemplate} sends: the {@code coap.client.requests} timer and,
 * with a tracer, a client span per request.
 */
@NullMarked
package io.coapspring.client.observation;

import org.jspecify.annotations.NullMarked;
