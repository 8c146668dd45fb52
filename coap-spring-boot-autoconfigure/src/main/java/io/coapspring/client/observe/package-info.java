/**
 * Observation of CoAP resources (RFC 7641) from the client side.
 */
@NullMarked
package io.coapspring.client.observe;

import org.jspecify.annotations.NullMarked;
