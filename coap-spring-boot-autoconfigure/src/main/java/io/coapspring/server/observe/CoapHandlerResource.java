package io.coapspring.server.observe;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import io.coapspring.server.mapping.CoapPathMatch;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.observe.ObserveRelation;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The lightweight Californium resource of one concrete request path served by handler methods, for instance
 * {@code /sensors/7} for the pattern {@code /sensors/{id}}. Californium's observe machinery keeps its observe
 * relations, so a change of {@code /sensors/7} never concerns observers of {@code /sensors/8}.
 * <p>
 * A resource lives as long as the request it was created for, unless clients observe it: then it is kept by
 * {@link CoapObservedResources} until its last observe relation ends, so memory is bounded by the observed
 * paths. Each observer of the path, with its own registration request (query, Accept), is kept here alongside
 * Californium's relation.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapHandlerResource extends CoapResource {

	private final String uriPath;

	private final List<String> segments;

	private final List<CoapPathMatch> matches;

	private final BiConsumer<Exchange, CoapHandlerResource> dispatcher;

	private final CoapObservedResources observedResources;

	private final Map<ObserveRelation, CoapObserver> observers = new ConcurrentHashMap<>();

	/**
	 * Create a resource.
	 * @param segments the segments of the concrete path
	 * @param matches the patterns that match the path, the most specific first
	 * @param dispatcher runs the handler methods for a request routed to this resource (the
	 * {@code CoapRequestDispatcher})
	 * @param observedResources the cache that keeps observed resources
	 * @param notificationType the type of notifications ({@code NON} with a {@code CON} now and then to check that
	 * the observer is still there, or always {@code CON}), {@code null} for the type of the registration request
	 */
	public CoapHandlerResource(List<String> segments, List<CoapPathMatch> matches,
			BiConsumer<Exchange, CoapHandlerResource> dispatcher,
			CoapObservedResources observedResources, @Nullable Type notificationType) {
		super(lastSegment(path(segments)));
		Assert.notEmpty(matches, "'matches' must not be empty");
		Assert.notNull(dispatcher, "'dispatcher' must not be null");
		Assert.notNull(observedResources, "'observedResources' must not be null");
		String uriPath = path(segments);
		this.uriPath = uriPath;
		this.segments = List.copyOf(segments);
		this.matches = List.copyOf(matches);
		this.dispatcher = dispatcher;
		this.observedResources = observedResources;
		setPath(uriPath.substring(0, uriPath.length() - getName().length()));
		setObservable(this.matches.stream()
			.flatMap((match) -> match.mappings().stream())
			.anyMatch((mapping) -> mapping.info().observable()));
		setVisible(false);
		setObserveType(notificationType);
	}

	/**
	 * Return the path of segments: joined with {@code /}, with a leading {@code /}.
	 * @param segments the segments
	 * @return the path
	 */
	public static String path(List<String> segments) {
		return "/" + String.join("/", segments);
	}

	private static String lastSegment(String uriPath) {
		Assert.isTrue(uriPath.startsWith("/"), "'uriPath' must start with '/'");
		return uriPath.substring(uriPath.lastIndexOf('/') + 1);
	}

	/**
	 * Return the concrete path of the resource.
	 * @return the path, with a leading {@code /}
	 */
	public String getUriPath() {
		return this.uriPath;
	}

	/**
	 * Return the segments of the concrete path.
	 * @return the segments
	 */
	public List<String> getSegments() {
		return this.segments;
	}

	/**
	 * Return the patterns that match the path.
	 * @return the matches, the most specific first
	 */
	public List<CoapPathMatch> getMatches() {
		return this.matches;
	}

	@Override
	public void handleRequest(Exchange exchange) {
		this.dispatcher.accept(exchange, this);
	}

	@Override
	public void addObserveRelation(ObserveRelation relation) {
		super.addObserveRelation(relation);
		this.observedResources.retain(this);
	}

	@Override
	public void removeObserveRelation(ObserveRelation relation) {
		super.removeObserveRelation(relation);
		CoapObserver observer = this.observers.remove(relation);
		if (observer != null) {
			observer.close();
			this.observedResources.observerRemoved(relation.getSource());
		}
		this.observedResources.release(this);
	}

	/**
	 * Return whether the resource has observers, or registrations in progress.
	 * @return {@code true} if it has
	 */
	public boolean hasObservers() {
		return !this.observers.isEmpty() || getObserverCount() > 0;
	}

	void addObserver(CoapObserver observer) {
		if (this.observers.put(observer.getRelation(), observer) == null) {
			this.observedResources.observerAdded(observer.getRelation().getSource(),
					observer.getRelation().getExchange().getRequest().getSourceContext());
		}
		this.observedResources.retain(this);
	}

	void removeObserver(CoapObserver observer) {
		if (this.observers.remove(observer.getRelation(), observer)) {
			this.observedResources.observerRemoved(observer.getRelation().getSource());
		}
		this.observedResources.release(this);
	}

	@Nullable CoapObserver getObserver(ObserveRelation relation) {
		return this.observers.get(relation);
	}

	Collection<CoapObserver> getObservers() {
		return this.observers.values();
	}

}
