/**
 * The HTTP-CoAP cross-proxy: CoAP requests forwarded to HTTP destinations with Spring's {@code RestClient},
 * HTTP requests mapped to CoAP (RFC 8075) on Spring MVC, and the mapping of codes and headers between them.
 */
@NullMarked
package io.coapspring.proxy.http;

import org.jspecify.annotations.NullMarked;
