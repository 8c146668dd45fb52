/**
 * Auto-configuration of cluster mode ({@code coap.cluster.*}) on Spring Boot's Redis support.
 */
@NullMarked
package io.coapspring.cluster.autoconfigure;

import org.jspecify.annotations.NullMarked;
