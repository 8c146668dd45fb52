/**
 * The Resource Directory client (RFC 9176): registers this application's own links with a directory and keeps the
 * registration alive, and looks up endpoints and resources in a directory.
 */
@NullMarked
package io.coapspring.rd.client;

import org.jspecify.annotations.NullMarked;
