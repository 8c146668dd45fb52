/**
 * Actuator support of the Resource Directory: the {@code rd} endpoint and its metrics.
 */
@NullMarked
package io.coapspring.rd.actuate;

import org.jspecify.annotations.NullMarked;
