/**
 * Conversion of CoAP payloads to and from Java objects, keyed by CoAP Content-Format numbers.
 */
@NullMarked
package io.coapspring.convert;

import org.jspecify.annotations.NullMarked;
