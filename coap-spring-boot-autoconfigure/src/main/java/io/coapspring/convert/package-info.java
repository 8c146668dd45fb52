/**
 * Conversion of CoAP payloads to and from Java objects, keyed by CoAP Content-Format numbers, and the
 * {@link io.coapspring.convert.CoapResponseEntity} that client and server share.
 */
@NullMarked
package io.coapspring.convert;

import org.jspecify.annotations.NullMarked;
