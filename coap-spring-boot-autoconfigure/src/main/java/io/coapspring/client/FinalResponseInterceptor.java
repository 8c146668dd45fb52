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
 * Hands the final response of an observation, a 2.xx without Observe option (RFC 7641 section 3.2), to the
 * observation it ends. Californium's matcher accepts such a response only as the answer to the registration, and
 * rejects it once the observation is established, so an observation would never learn that the server ended it;
 * this interceptor sees it first. One instance per endpoint, shared by the observations on it.
 *
 * @author CoAP Spring Boot team
 */
final class FinalResponseInterceptor extends MessageInterceptorAdapter {

	private final Map<Token, Consumer<Response>> observations = new ConcurrentHashMap<>();

	/**
	 * Return the interceptor of an endpoint, adding one if it has none.
	 * @param endpoint the endpoint
	 * @return its interceptor
	 */
	static FinalResponseInterceptor of(Endpoint endpoint) {
		synchronized (endpoint) {
			for (MessageInterceptor interceptor : endpoint.getInterceptors()) {
				if (interceptor instanceof FinalResponseInterceptor existing) {
					return existing;
				}
			}
			FinalResponseInterceptor interceptor = new FinalResponseInterceptor();
			endpoint.addInterceptor(interceptor);
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
		if (response.getType() == Type.ACK || !response.isSuccess() || response.getOptions().hasObserve()
				|| response.getToken() == null) {
			return;
		}
		Consumer<Response> observation = this.observations.get(response.getToken());
		if (observation != null) {
			observation.accept(response);
		}
	}

}
