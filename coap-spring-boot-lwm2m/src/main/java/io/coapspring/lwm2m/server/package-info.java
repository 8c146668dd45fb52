/**
 * The LWM2M server on Eclipse Leshan: lifecycle, limits, event bridges and decoding.
 */
@NullMarked
package io.coapspring.lwm2m.server;

import org.jspecify.annotations.NullMarked;
