/**
 * Logging defaults for Eclipse Californium.
 */
@NullMarked
package io.coapspring.logging;

import org.jspecify.annotations.NullMarked;
