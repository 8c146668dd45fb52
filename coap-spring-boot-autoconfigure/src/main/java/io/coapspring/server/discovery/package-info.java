/**
 * Resource discovery (RFC 6690): {@code /.well-known/core} rendered from the handler mappings and the
 * server's resource tree.
 */
@NullMarked
package io.coapspring.server.discovery;

import org.jspecify.annotations.NullMarked;
