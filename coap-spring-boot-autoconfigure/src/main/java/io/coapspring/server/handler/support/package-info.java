/**
 * The built-in argument resolvers and return value handlers of CoAP handler methods.
 */
@NullMarked
package io.coapspring.server.handler.support;

import org.jspecify.annotations.NullMarked;
