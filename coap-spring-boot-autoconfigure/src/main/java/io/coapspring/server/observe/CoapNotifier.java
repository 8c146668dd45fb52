package io.coapspring.server.observe;

import org.jspecify.annotations.Nullable;

/**
 * Tells the observers of resources (RFC 7641) that a resource changed. Inject it where the application changes
 * state:
 *
 * <pre class="code">
 * sensors.save(reading);
 * notifier.changed("/sensors/" + reading.id());
 * </pre>
 *
 * Resources are addressed by a URI path, {@code /sensors/7}, optionally with a query,
 * {@code /sensors/7?unit=F}, or by a path pattern, {@code /sensors/{id}} or {@code /sensors/{*rest}}. A scheme and
 * authority ({@code coap://host:5683}) are ignored. A path reaches the observers of that concrete path only: a
 * change of {@code /sensors/7} never wakes observers of {@code /sensors/8}. A query narrows the observers to those
 * whose registration query contains every one of its items, so {@code /sensors/7?unit=F} reaches an observer of
 * {@code /sensors/7?unit=F&gt=25} but not one of {@code /sensors/7}.
 * <p>
 * Notifications are prepared and sent asynchronously, off the calling thread; each observer's conditional
 * attributes ({@code pmin}, {@code gt}, ...) may hold a notification back or drop it.
 * <p>
 * In cluster mode ({@code coap.cluster.enabled}) {@link #changed(String)} also reaches the observers held by the
 * other nodes; the counts returned are always this node's observers.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public interface CoapNotifier {

	/**
	 * Serve every observer of the matching resources again: the handler method of the observed mapping is
	 * invoked with each observer's own registration request (its query, its Accept option, its payload for
	 * FETCH) and the result is sent as a notification. Observers of a mapping that returns a stream are notified
	 * by their stream and are not served again.
	 * @param uriOrPattern the path, with an optional query, or a path pattern
	 * @return the number of observers that will be served
	 * @throws IllegalArgumentException if the pattern is malformed
	 */
	int changed(String uriOrPattern);

	/**
	 * Send a value to every observer of the matching resources without invoking the handler method: the value
	 * is written, for each observer, in the Content-Format its registration accepts, as the handler method's
	 * return value would be. The value may be a {@link io.coapspring.convert.CoapResponseEntity} to set
	 * the code and options too; an error code ends the observations.
	 * @param uriOrPattern the path, with an optional query, or a path pattern
	 * @param value the new representation, {@code null} for an empty one
	 * @return the number of observers that will be sent the value
	 * @throws IllegalArgumentException if the pattern is malformed
	 */
	int notify(String uriOrPattern, @Nullable Object value);

	/**
	 * Return the number of observers of the matching resources.
	 * @param uriOrPattern the path, with an optional query, or a path pattern
	 * @return the number of observers
	 * @throws IllegalArgumentException if the pattern is malformed
	 */
	int getObserverCount(String uriOrPattern);

}
