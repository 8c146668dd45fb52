/**
 * A Spring Boot application serving HTTP and CoAP side by side.
 */
@NullMarked
package io.coapspring.sample;

import org.jspecify.annotations.NullMarked;
