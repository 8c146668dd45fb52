/**
 * The starter's scenario server, a Spring Boot application using the CoAP starter.
 */
@NullMarked
package io.coapspring.benchmarks.servers.starter;

import org.jspecify.annotations.NullMarked;
