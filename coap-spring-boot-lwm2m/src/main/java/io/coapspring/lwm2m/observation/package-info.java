/**
 * Micrometer observations (timers and, with a tracer, spans) of the operations {@code Lwm2mTemplate} sends.
 */
@NullMarked
package io.coapspring.lwm2m.observation;

import org.jspecify.annotations.NullMarked;
