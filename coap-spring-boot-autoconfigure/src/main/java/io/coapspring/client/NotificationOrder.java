package io.coapspring.client;

import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.elements.Definition;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.MapBasedEndpointContext;

/**
 * The order of a notification when its Observe number cannot tell it: a layer below the observation (such as
 * OSCORE, whose notifications RFC 8613 section 7.4.1 orders by Partial IV, while the Inner Observe option that
 * Californium's OSCORE layer keeps may carry no number) records the order in the response's source endpoint
 * context under {@link #ATTRIBUTE}, and the observation uses it as the Observe number.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class NotificationOrder {

	/**
	 * The endpoint context attribute with the 24-bit order of a notification.
	 */
	public static final Definition<Integer> ATTRIBUTE = new Definition<>("*COAPSPRING_NOTIFICATION_ORDER",
			Integer.class, MapBasedEndpointContext.ATTRIBUTE_DEFINITIONS);

	private NotificationOrder() {
	}

	/**
	 * Replace the Observe number of a notification with the order recorded in its source context, if any.
	 * @param response a response to an observe registration
	 */
	static void apply(Response response) {
		EndpointContext context = response.getSourceContext();
		if (context != null && response.getOptions().hasObserve()) {
			Integer order = context.get(ATTRIBUTE);
			if (order != null) {
				response.getOptions().setObserve(order & 0xFFFFFF);
			}
		}
	}

}
