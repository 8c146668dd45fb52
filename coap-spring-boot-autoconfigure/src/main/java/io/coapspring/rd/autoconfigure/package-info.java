/**
 * Auto-configuration of the Resource Directory server and client ({@code coap.rd.*}).
 */
@NullMarked
package io.coapspring.rd.autoconfigure;

import org.jspecify.annotations.NullMarked;
