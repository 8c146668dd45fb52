/**
 * Californium configuration SPI.
 */
@NullMarked
package io.coapspring.config;

import org.jspecify.annotations.NullMarked;
