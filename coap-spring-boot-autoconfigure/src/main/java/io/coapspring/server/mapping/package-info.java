/**
 * The mappings of CoAP handler methods: the handler method, its resolved {@code @CoapMapping}, path patterns and
 * their index, and the registry that matches request paths against them.
 */
@NullMarked
package io.coapspring.server.mapping;

import org.jspecify.annotations.NullMarked;
