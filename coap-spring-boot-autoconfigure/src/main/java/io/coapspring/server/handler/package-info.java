/**
 * Routing requests to annotated CoAP handler methods: detection of the {@code @CoapController} beans, selection
 * of the mapping by method and Content-Formats, preconditions, dispatch to the handler executor and sending of the
 * response. Mappings are in {@code io.coapspring.server.mapping}, invocation in
 * {@code io.coapspring.server.invocation}, server-side Observe in {@code io.coapspring.server.observe}.
 */
@NullMarked
package io.coapspring.server.handler;

import org.jspecify.annotations.NullMarked;
