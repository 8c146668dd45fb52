/**
 * The LWM2M bootstrap server ({@code coap.lwm2m.bootstrap.*}): per-endpoint configurations, lifecycle and the
 * events of each bootstrap session step.
 */
@NullMarked
package io.coapspring.lwm2m.bootstrap;

import org.jspecify.annotations.NullMarked;
