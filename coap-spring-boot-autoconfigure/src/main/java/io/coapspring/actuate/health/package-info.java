/**
 * Spring Boot Actuator health of the CoAP server.
 */
@NullMarked
package io.coapspring.actuate.health;

import org.jspecify.annotations.NullMarked;
