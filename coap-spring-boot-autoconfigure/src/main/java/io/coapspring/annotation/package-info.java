/**
 * Annotations of the CoAP programming model: controllers, request mappings, handler method arguments and
 * exception handlers.
 */
@NullMarked
package io.coapspring.annotation;

import org.jspecify.annotations.NullMarked;
