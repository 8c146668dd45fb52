/**
 * DTLS ({@code coaps}) for the CoAP client: the credentials of a template, and the Scandium connectors built
 * from them, which are only loaded when a template sends a {@code coaps} request.
 */
@NullMarked
package io.coapspring.client.dtls;

import org.jspecify.annotations.NullMarked;
