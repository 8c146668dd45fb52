/**
 * Declarative CoAP clients: interfaces whose methods carry
 * {@link io.coapspring.client.service.annotation.CoapExchange} annotations become proxies through
 * {@link io.coapspring.client.service.CoapServiceProxyFactory}.
 */
@NullMarked
package io.coapspring.client.service;

import org.jspecify.annotations.NullMarked;
