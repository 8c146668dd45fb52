/**
 * Operations support for the LWM2M server: health, the {@code lwm2m} actuator endpoint and metrics.
 */
@NullMarked
package io.coapspring.lwm2m.actuate;

import org.jspecify.annotations.NullMarked;
