package io.coapspring.rd.server;

import io.coapspring.rd.RdRegistrationEvent;
import io.coapspring.rd.RdUpdatedEvent;
import io.coapspring.server.observe.CoapNotifier;

import org.springframework.context.ApplicationListener;
import org.springframework.util.Assert;

/**
 * Tells the observers of the lookup interfaces that the directory changed, so that each is served its own lookup
 * again: a registration appeared, changed (not a mere refresh of its lifetime), was removed or expired.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class RdLookupObservers implements ApplicationListener<RdRegistrationEvent> {

	private final CoapNotifier notifier;

	private final String endpointLookupPath;

	private final String resourceLookupPath;

	/**
	 * Create the listener.
	 * @param notifier notifies observers
	 * @param endpointLookupPath the path of endpoint lookup
	 * @param resourceLookupPath the path of resource lookup
	 */
	public RdLookupObservers(CoapNotifier notifier, String endpointLookupPath, String resourceLookupPath) {
		Assert.notNull(notifier, "'notifier' must not be null");
		this.notifier = notifier;
		this.endpointLookupPath = endpointLookupPath;
		this.resourceLookupPath = resourceLookupPath;
	}

	@Override
	public void onApplicationEvent(RdRegistrationEvent event) {
		if (event instanceof RdUpdatedEvent updated && !updated.isChanged()) {
			return;
		}
		this.notifier.changed(this.endpointLookupPath);
		this.notifier.changed(this.resourceLookupPath);
	}

}
