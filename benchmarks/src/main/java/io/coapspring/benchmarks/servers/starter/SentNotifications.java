package io.coapspring.benchmarks.servers.starter;

import java.util.concurrent.atomic.LongAdder;

import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;

/**
 * Counts the responses with an Observe option (the answers to registrations and the notifications) that left the
 * socket, as the raw server's resource counts its own: an interceptor on the starter's endpoints adds a message
 * observer to each, whose {@code onSent} counts it. The starter's handler methods do not see Californium's
 * response, so the benchmark counts at the endpoint.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
class SentNotifications extends MessageInterceptorAdapter {

	private final LongAdder sent = new LongAdder();

	private final MessageObserverAdapter observer = new MessageObserverAdapter() {

		@Override
		public void onSent(boolean retransmission) {
			if (!retransmission) {
				SentNotifications.this.sent.increment();
			}
		}

	};

	@Override
	public void sendResponse(Response response) {
		if (response.getOptions().hasObserve()) {
			response.addMessageObserver(this.observer);
		}
	}

	/**
	 * Return the number of responses with an Observe option sent so far.
	 * @return the count
	 */
	long sent() {
		return this.sent.sum();
	}

}
