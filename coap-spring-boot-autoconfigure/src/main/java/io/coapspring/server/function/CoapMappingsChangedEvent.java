package io.coapspring.server.function;

import java.util.List;

import io.coapspring.server.discovery.CoapLinksChangedEvent;
import io.coapspring.server.mapping.CoapHandlerMapping;

/**
 * Published when mappings are registered or unregistered while the application runs (functional routes and
 * value resources added or removed at run time), after the change took effect: {@code /.well-known/core} and
 * the mappings endpoint show it already. It is a {@link CoapLinksChangedEvent}: a Resource Directory
 * registration sends the new links at once (RFC 9176 section 5.3.1), without waiting for its next refresh.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapMappingsChangedEvent extends CoapLinksChangedEvent {

	private final List<CoapHandlerMapping> added;

	private final List<CoapHandlerMapping> removed;

	/**
	 * Create an event.
	 * @param source the component that changed the mappings
	 * @param added the mappings registered
	 * @param removed the mappings unregistered
	 */
	public CoapMappingsChangedEvent(Object source, List<CoapHandlerMapping> added, List<CoapHandlerMapping> removed) {
		super(source);
		this.added = List.copyOf(added);
		this.removed = List.copyOf(removed);
	}

	/**
	 * Return the mappings registered.
	 * @return the mappings, possibly empty
	 */
	public List<CoapHandlerMapping> getAdded() {
		return this.added;
	}

	/**
	 * Return the mappings unregistered.
	 * @return the mappings, possibly empty
	 */
	public List<CoapHandlerMapping> getRemoved() {
		return this.removed;
	}

}
