/**
 * The {@code coap} Spring Boot Actuator endpoint: mappings, endpoints and observe relations of the CoAP server.
 */
@NullMarked
package io.coapspring.actuate.endpoint;

import org.jspecify.annotations.NullMarked;
