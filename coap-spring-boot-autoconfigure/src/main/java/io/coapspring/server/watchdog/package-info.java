/**
 * Watching the network threads of the server's endpoints: an endpoint whose receiver or sender thread died is
 * reported DOWN and restarted.
 */
@NullMarked
package io.coapspring.server.watchdog;

import org.jspecify.annotations.NullMarked;
