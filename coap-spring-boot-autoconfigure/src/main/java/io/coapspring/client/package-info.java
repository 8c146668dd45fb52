/**
 * The CoAP client: {@link io.coapspring.client.CoapTemplate}, its builder, request entity, exceptions, shared
 * endpoints and observations of remote resources.
 */
@NullMarked
package io.coapspring.client;

import org.jspecify.annotations.NullMarked;
