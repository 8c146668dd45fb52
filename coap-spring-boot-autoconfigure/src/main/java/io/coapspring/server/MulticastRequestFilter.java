package io.coapspring.server;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;

/**
 * Drops confirmable requests that arrived through a multicast group: RFC 7252 section 8.1 requires multicast
 * requests to be Non-confirmable, and a server has no way to acknowledge a CON request on behalf of a group.
 * Californium would otherwise acknowledge and answer it like a unicast request. The request is dropped
 * without an answer, neither an ACK nor a reset.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class MulticastRequestFilter extends MessageInterceptorAdapter {

	private static final Log logger = LogFactory.getLog(MulticastRequestFilter.class);

	@Override
	public void receiveRequest(Request request) {
		if (request.isMulticast() && request.getType() == Type.CON) {
			if (logger.isDebugEnabled()) {
				logger.debug("Dropping CON request " + request + " sent to multicast group " + request.getLocalAddress());
			}
			request.setCanceled(true);
		}
	}

}
