/**
 * Application context support for the CoAP server: the lifecycle that starts and stops it, the event published
 * once it is started, the endpoint watchdog that restarts an endpoint whose network thread died, the published
 * port and start-up failure analysis.
 */
@NullMarked
package io.coapspring.server.context;

import org.jspecify.annotations.NullMarked;
