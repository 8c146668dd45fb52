/**
 * Deduplication of CoAP messages with a total bound: the messages remembered for deduplication are limited in
 * number over all peers, and the peers in number, whatever the number of peers that send.
 */
@NullMarked
package io.coapspring.server.deduplication;

import org.jspecify.annotations.NullMarked;
