/**
 * Multicast (RFC 7252 section 8, RFC 7390): the server's unicast endpoint also listens to multicast groups such
 * as All CoAP Nodes, with Californium's multicast receivers.
 */
@NullMarked
package io.coapspring.server.multicast;

import org.jspecify.annotations.NullMarked;
