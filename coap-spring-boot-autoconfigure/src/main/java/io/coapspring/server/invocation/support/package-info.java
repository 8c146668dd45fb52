/**
 * The built-in argument resolvers and return value handlers of CoAP handler methods, the list of them
 * ({@link io.coapspring.server.invocation.support.DefaultHandlerMethodResolvers}) and the option registry the
 * option resolver reads names from.
 */
@NullMarked
package io.coapspring.server.invocation.support;

import org.jspecify.annotations.NullMarked;
