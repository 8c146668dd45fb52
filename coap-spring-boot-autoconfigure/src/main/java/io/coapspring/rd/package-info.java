/**
 * CoRE Resource Directory (RFC 9176): the registrations, their links, lookups and events shared by the RD server
 * ({@code io.coapspring.rd.server}) and the RD client ({@code io.coapspring.rd.client}).
 */
@NullMarked
package io.coapspring.rd;

import org.jspecify.annotations.NullMarked;
