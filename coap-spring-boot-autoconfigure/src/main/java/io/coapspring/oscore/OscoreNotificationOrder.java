package io.coapspring.oscore;

import io.coapspring.client.NotificationOrder;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.eclipse.californium.elements.MapBasedEndpointContext;
import org.eclipse.californium.elements.MapBasedEndpointContext.Attributes;

/**
 * Records the Partial IV of each protected notification, before the OSCORE layer decrypts it, as the order of the
 * notification ({@link NotificationOrder}): RFC 8613 section 7.4.1 orders OSCORE notifications by Partial IV, and
 * Californium's OSCORE layer replaces the Outer Observe option with the Inner one, which a server following
 * section 4.1.3.5.2 leaves without number, so that every notification would look like the first and be dropped.
 * Add it to the client endpoints as a message interceptor.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class OscoreNotificationOrder extends MessageInterceptorAdapter {

	@Override
	public void receiveResponse(Response response) {
		OptionSet options = response.getOptions();
		if (!options.hasObserve() || !options.hasOscore() || response.getSourceContext() == null) {
			return;
		}
		byte[] oscore = options.getOscore();
		int length = (oscore.length > 0) ? (oscore[0] & 0x07) : 0;
		if (length == 0 || length > 5 || oscore.length <= length) {
			return;
		}
		long partialIv = 0;
		for (int i = 1; i <= length; i++) {
			partialIv = (partialIv << 8) | (oscore[i] & 0xFF);
		}
		response.setSourceContext(MapBasedEndpointContext.addEntries(response.getSourceContext(),
				new Attributes().add(NotificationOrder.ATTRIBUTE, (int) (partialIv & 0xFFFFFF))));
	}

}
