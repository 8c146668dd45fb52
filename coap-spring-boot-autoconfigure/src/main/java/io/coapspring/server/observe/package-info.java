/**
 * Observing resources (RFC 7641) on the server: the {@link io.coapspring.server.observe.CoapNotifier} through which
 * the application signals changes, the observers of mapped resources and the per-path resources that hold their
 * relations, and the conditional attributes ({@code pmin}, {@code pmax}, {@code gt}, {@code lt}, {@code st},
 * {@code band}, {@code edge}, {@code epmin}, {@code epmax}, {@code con}) that filter and pace the notifications of
 * each observer.
 */
@NullMarked
package io.coapspring.server.observe;

import org.jspecify.annotations.NullMarked;
