/**
 * The Resource Directory server (RFC 9176): the registration interface, simple registration and the lookup
 * interfaces as handler mappings of the starter's own programming model, with lifetimes, bounds and the security
 * policy of section 8.
 */
@NullMarked
package io.coapspring.rd.server;

import org.jspecify.annotations.NullMarked;
