/**
 * Application context support for the CoAP server: the published port and start-up failure analysis.
 */
@NullMarked
package io.coapspring.server.context;

import org.jspecify.annotations.NullMarked;
