/**
 * CoAP over TCP and TLS (RFC 8323) on Eclipse Californium's Netty connectors: the signaling messages
 * (CSM, Ping/Pong, Release, Abort) that Californium does not implement, added to the connectors' Netty
 * pipelines, and the server's {@code coap+tcp} endpoint.
 */
@NullMarked
package io.coapspring.transport.tcp;

import org.jspecify.annotations.NullMarked;
