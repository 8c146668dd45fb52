/**
 * The CoAP server: its factory, request delivery and gate, and customization SPI. Its lifecycle is in
 * {@code io.coapspring.server.context}.
 */
@NullMarked
package io.coapspring.server;

import org.jspecify.annotations.NullMarked;
