/**
 * Annotated CoAP handler methods: the mapping registry and its path patterns, request routing to handler
 * methods, argument resolution, return value handling, response writing and exception handling.
 */
@NullMarked
package io.coapspring.server.handler;

import org.jspecify.annotations.NullMarked;
