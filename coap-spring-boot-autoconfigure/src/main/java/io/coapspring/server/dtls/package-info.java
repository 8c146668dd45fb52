/**
 * The DTLS ({@code coaps}) endpoint of the CoAP server, on Eclipse Californium Scandium.
 */
@NullMarked
package io.coapspring.server.dtls;

import org.jspecify.annotations.NullMarked;
