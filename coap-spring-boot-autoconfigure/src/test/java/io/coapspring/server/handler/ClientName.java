package io.coapspring.server.handler;

/**
 * An argument type resolved by an application's own argument resolver.
 *
 * @param name the client name
 */
record ClientName(String name) {
}
