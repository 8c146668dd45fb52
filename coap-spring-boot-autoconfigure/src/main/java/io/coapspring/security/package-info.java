/**
 * CoAP security that does not depend on a DTLS implementation: the pre-shared key SPI, the key material of
 * SSL bundles and the authenticated identity of a peer.
 */
@NullMarked
package io.coapspring.security;

import org.jspecify.annotations.NullMarked;
