/**
 * Observing resources (RFC 7641) on the server: the {@link io.coapspring.observe.CoapNotifier} through which the
 * application signals changes, and the conditional attributes ({@code pmin}, {@code pmax}, {@code gt}, {@code lt},
 * {@code st}, {@code band}, {@code edge}, {@code epmin}, {@code epmax}, {@code con}) that filter and pace the
 * notifications of each observer.
 */
@NullMarked
package io.coapspring.observe;

import org.jspecify.annotations.NullMarked;
