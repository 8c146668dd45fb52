package io.coapspring.benchmarks.servers;

import java.util.concurrent.atomic.LongAdder;

import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;

/**
 * Counts the observe notifications an endpoint sends (responses with an Observe option), so that a change
 * loop can wait for the notifications of one change before making the next.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class NotificationCounter extends MessageInterceptorAdapter {

	private final LongAdder sent = new LongAdder();

	@Override
	public void sendResponse(Response response) {
		if (response.getOptions().hasObserve()) {
			this.sent.increment();
		}
	}

	/**
	 * Return the notifications sent so far.
	 * @return the count
	 */
	public long sent() {
		return this.sent.sum();
	}

}
