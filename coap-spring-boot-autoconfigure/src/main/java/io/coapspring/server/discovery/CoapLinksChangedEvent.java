package io.coapspring.server.discovery;

import org.springframework.context.ApplicationEvent;

/**
 * Tells that the links of this node, as {@link CoapDiscoveryLinks} gives them, may have changed: a mapping or a
 * resource appeared or went, or a {@link CoapLinkInstances} bean now supplies other instances. Publish it (with
 * {@code ApplicationEventPublisher}) after such a change, so that what copies the links elsewhere sends them at
 * once: a Resource Directory registration is updated with the new links (RFC 9176 section 5.3.1) instead of at
 * its next refresh. {@code /.well-known/core} itself needs no event: it is rendered for every request.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapLinksChangedEvent extends ApplicationEvent {

	/**
	 * Create the event.
	 * @param source what changed the links
	 */
	public CoapLinksChangedEvent(Object source) {
		super(source);
	}

}
