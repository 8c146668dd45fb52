/**
 * The forward proxy: CoAP requests carrying Proxy-Uri or Proxy-Scheme forwarded to CoAP and HTTP
 * destinations, the allow-list of destinations and the response cache.
 */
@NullMarked
package io.coapspring.proxy;

import org.jspecify.annotations.NullMarked;
