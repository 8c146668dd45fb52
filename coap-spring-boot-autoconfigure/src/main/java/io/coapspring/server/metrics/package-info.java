/**
 * Micrometer meters of the CoAP server: active exchanges, observe relations, retransmissions, duplicates,
 * malformed datagrams and rejected requests.
 */
@NullMarked
package io.coapspring.server.metrics;

import org.jspecify.annotations.NullMarked;
