package io.coapspring.server.handler;

import java.util.List;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.observe.ObserveRelation;

import org.springframework.util.Assert;

/**
 * The lightweight Californium resource of one concrete request path served by handler methods, for instance
 * {@code /sensors/7} for the pattern {@code /sensors/{id}}. Californium's observe machinery keeps its observe
 * relations, so a change of {@code /sensors/7} never concerns observers of {@code /sensors/8}.
 * <p>
 * A resource lives as long as the request it was created for, unless clients observe it: then it is kept by
 * {@link CoapObservedResources} until its last observe relation ends, so memory is bounded by the observed
 * paths.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapHandlerResource extends CoapResource {

	private final String uriPath;

	private final List<CoapPathMatch> matches;

	private final CoapRequestDispatcher dispatcher;

	private final CoapObservedResources observedResources;

	/**
	 * Create a resource.
	 * @param uriPath the concrete path, with a leading {@code /}
	 * @param matches the patterns that match the path, the most specific first
	 * @param dispatcher the dispatcher that runs the handler methods
	 * @param observedResources the cache that keeps observed resources
	 */
	public CoapHandlerResource(String uriPath, List<CoapPathMatch> matches, CoapRequestDispatcher dispatcher,
			CoapObservedResources observedResources) {
		super(lastSegment(uriPath));
		Assert.notEmpty(matches, "'matches' must not be empty");
		Assert.notNull(dispatcher, "'dispatcher' must not be null");
		Assert.notNull(observedResources, "'observedResources' must not be null");
		this.uriPath = uriPath;
		this.matches = List.copyOf(matches);
		this.dispatcher = dispatcher;
		this.observedResources = observedResources;
		setPath(uriPath.substring(0, uriPath.length() - getName().length()));
		setObservable(this.matches.stream()
			.flatMap((match) -> match.mappings().stream())
			.anyMatch((mapping) -> mapping.info().observable()));
		setVisible(false);
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
	 * Return the patterns that match the path.
	 * @return the matches, the most specific first
	 */
	public List<CoapPathMatch> getMatches() {
		return this.matches;
	}

	@Override
	public void handleRequest(Exchange exchange) {
		this.dispatcher.dispatch(exchange, this);
	}

	@Override
	public void addObserveRelation(ObserveRelation relation) {
		super.addObserveRelation(relation);
		this.observedResources.retain(this);
	}

	@Override
	public void removeObserveRelation(ObserveRelation relation) {
		super.removeObserveRelation(relation);
		this.observedResources.release(this);
	}

}
