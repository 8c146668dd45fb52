/**
 * Requests per second and latency of the same starter server over UDP, CoAP over TCP and CoAP over WebSockets
 * (RFC 8323), with the same client in the same run.
 */
@NullMarked
package io.coapspring.benchmarks.transport;

import org.jspecify.annotations.NullMarked;
