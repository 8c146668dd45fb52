/**
 * Metrics of cluster mode.
 */
@NullMarked
package io.coapspring.cluster.actuate;

import org.jspecify.annotations.NullMarked;
