/**
 * The CoAP server: its lifecycle, request delivery and customization SPI.
 */
@NullMarked
package io.coapspring.server;

import org.jspecify.annotations.NullMarked;
