package io.coapspring.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.network.interceptors.MessageInterceptor;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;

/**
 * Hands a notification that Californium's matcher dropped to the observation it belongs to. A notification that
 * arrives while the piggybacked response to the registration is still being processed is queued behind it on the
 * registration's exchange; once that response completes the exchange, the matcher no longer finds the exchange
 * and drops the notification, without acknowledging a confirmable one, so the observation would stall until the
 * server retransmits. Registered as a post-processing interceptor, which sees every received message after the
 * stack, this one sees the dropped notification: cancelled, neither acknowledged nor rejected. One instance per
 * endpoint, shared by the observations on it.
 *
 * @author CoAP Spring Boot team
 */
final class OvertakenNotificationInterceptor extends MessageInterceptorAdapter {

	private final Map<Token, Consumer<Response>> observations = new ConcurrentHashMap<>();

	/**
	 * Return the interceptor of an endpoint, adding one if it has none.
	 * @param endpoint the endpoint
	 * @return its interceptor
	 */
	static OvertakenNotificationInterceptor of(Endpoint endpoint) {
		synchronized (endpoint) {
			for (MessageInterceptor interceptor : endpoint.getPostProcessInterceptors()) {
				if (interceptor instanceof OvertakenNotificationInterceptor existing) {
					return existing;
				}
			}
			OvertakenNotificationInterceptor interceptor = new OvertakenNotificationInterceptor();
			endpoint.addPostProcessInterceptor(interceptor);
			return interceptor;
		}
	}

	void register(Token token, Consumer<Response> observation) {
		this.observations.put(token, observation);
	}

	void unregister(Token token, Consumer<Response> observation) {
		this.observations.remove(token, observation);
	}

	@Override
	public void receiveResponse(Response response) {
		if (!response.isCanceled() || response.isAcknowledged() || response.isRejected()
				|| response.getType() == Type.ACK || response.getType() == Type.RST
				|| !response.getOptions().hasObserve() || response.getToken() == null) {
			return;
		}
		Consumer<Response> observation = this.observations.get(response.getToken());
		if (observation != null) {
			observation.accept(response);
		}
	}

}
