/**
 * CoAP over WebSockets (RFC 8323 section 4): a Californium connector fed by the WebSocket connections of the
 * application's own HTTP server ({@code coap+ws}, {@code coaps+ws} behind TLS), with the RFC 8323 signaling,
 * and the client side for {@code coap+ws://} requests on the JDK's WebSocket client.
 */
@NullMarked
package io.coapspring.transport.websocket;

import org.jspecify.annotations.NullMarked;
