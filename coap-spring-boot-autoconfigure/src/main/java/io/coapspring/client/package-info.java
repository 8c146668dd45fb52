/**
 * The CoAP client: {@link io.coapspring.client.CoapTemplate}, its builder, request entity, exceptions and
 * shared endpoints.
 */
@NullMarked
package io.coapspring.client;

import org.jspecify.annotations.NullMarked;
