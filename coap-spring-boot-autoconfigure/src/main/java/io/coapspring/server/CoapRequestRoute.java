package io.coapspring.server;

import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The route of an inbound request: the path pattern of the handler mapping that serves it (for instance
 * {@code /sensors/{id}}), or the path of the Californium resource that serves it (for instance
 * {@code /.well-known/core}). Whoever routes a request records it here, so that instrumentation can tag the
 * request with a value whose cardinality is bounded by the application, never by the concrete paths clients
 * send.
 * <p>
 * The route travels with the Californium {@link Request}, as one of its message observers (Californium's
 * {@link Request#getMessageObserver(Class)} finds it), and takes no part in the exchange otherwise.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapRequestRoute extends MessageObserverAdapter {

	private volatile @Nullable String route;

	private CoapRequestRoute() {
		super(true);
	}

	/**
	 * Record the route of a request, replacing any recorded before.
	 * @param request the inbound request
	 * @param route the path pattern or resource path that serves it
	 */
	public static void set(Request request, String route) {
		Assert.notNull(request, "'request' must not be null");
		Assert.hasText(route, "'route' must not be empty");
		track(request).route = route;
	}

	/**
	 * Return the holder of a request's route, adding one with no route yet if the request has none, for a reader
	 * that must see the route recorded later even after {@link #clear(Request)} (an observe registration's route is
	 * cleared as soon as its response is sent, before the instruments that run after sending read it).
	 * @param request the inbound request
	 * @return the holder, whose {@link #getRoute()} follows every {@link #set(Request, String)} of the request
	 * @since 0.1.0
	 */
	public static CoapRequestRoute track(Request request) {
		Assert.notNull(request, "'request' must not be null");
		CoapRequestRoute existing = request.getMessageObserver(CoapRequestRoute.class);
		if (existing != null) {
			return existing;
		}
		CoapRequestRoute tracked = new CoapRequestRoute();
		request.addMessageObserver(tracked);
		return tracked;
	}

	/**
	 * Return the route this holder recorded.
	 * @return the route, or {@code null} if none was recorded yet
	 * @since 0.1.0
	 */
	public @Nullable String getRoute() {
		return this.route;
	}

	/**
	 * Forget the route of a request once nothing asks for it any more (its response was sent), so that a request
	 * kept for long, such as an observe registration, does not keep it.
	 * @param request the inbound request
	 * @since 0.1.0
	 */
	public static void clear(Request request) {
		Assert.notNull(request, "'request' must not be null");
		CoapRequestRoute existing = request.getMessageObserver(CoapRequestRoute.class);
		if (existing != null) {
			request.removeMessageObserver(existing);
		}
	}

	/**
	 * Return the route recorded for a request.
	 * @param request the inbound request
	 * @return the route, or {@code null} if none was recorded (no handler mapping nor resource serves the path)
	 */
	public static @Nullable String get(Request request) {
		Assert.notNull(request, "'request' must not be null");
		CoapRequestRoute existing = request.getMessageObserver(CoapRequestRoute.class);
		return (existing != null) ? existing.route : null;
	}

}
