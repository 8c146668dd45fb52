package io.coapspring.server.observe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.exception.ConnectorException;

import static org.awaitility.Awaitility.await;

/**
 * A raw Californium client on its own endpoint (in-memory configuration, never the static default endpoint) that
 * records every notification it accepts, with type and options, and the final 2.xx response without Observe option
 * that Californium itself would reject. Close it after each test.
 */
final class ObserveClient implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final CoapEndpoint endpoint;

	private final int port;

	private final List<CoapClient> clients = new CopyOnWriteArrayList<>();

	private final Map<Token, Observation> observations = new ConcurrentHashMap<>();

	ObserveClient(int port) {
		this(port, (configuration) -> {
		});
	}

	ObserveClient(int port, Consumer<Configuration> customizer) {
		Configuration configuration = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
				SystemConfig.DEFINITIONS);
		customizer.accept(configuration);
		this.endpoint = new CoapEndpoint.Builder().setConfiguration(configuration)
			.setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0))
			.build();
		// Californium's matcher rejects a final 2.xx without Observe option (RFC 7641 section 3.2): record it first
		this.endpoint.addInterceptor(new MessageInterceptorAdapter() {

			@Override
			public void receiveResponse(Response response) {
				Observation observation = ObserveClient.this.observations.get(response.getToken());
				if (observation != null && response.getType() != Type.ACK && response.isSuccess()
						&& !response.getOptions().hasObserve()) {
					observation.arrivals.add(System.nanoTime());
					observation.responses.add(response);
				}
			}

		});
		try {
			this.endpoint.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.port = port;
	}

	String uri(String pathAndQuery) {
		return "coap://127.0.0.1:" + this.port + pathAndQuery;
	}

	Request get(String pathAndQuery) {
		Request request = new Request(Code.GET);
		request.setURI(uri(pathAndQuery));
		return request;
	}

	CoapEndpoint getEndpoint() {
		return this.endpoint;
	}

	/**
	 * Observe a resource.
	 * @param request a GET request, the Observe option is set
	 * @return the observation, once the registration was answered
	 */
	Observation observe(Request request) {
		request.setObserve();
		CoapClient client = client(request.getURI());
		Observation observation = new Observation();
		request.addMessageObserver(new MessageObserverAdapter() {

			@Override
			public void onReadyToSend() {
				ObserveClient.this.observations.put(request.getToken(), observation);
			}

		});
		observation.relation = client.observe(request, observation);
		await().atMost(WAIT).until(() -> !observation.responses.isEmpty() || observation.error);
		return observation;
	}

	Observation observe(String pathAndQuery) {
		return observe(get(pathAndQuery));
	}

	CoapResponse send(Request request) {
		CoapClient client = client(request.getURI());
		try {
			CoapResponse response = client.advanced(request);
			if (response == null) {
				throw new IllegalStateException("No response to " + request);
			}
			return response;
		}
		catch (ConnectorException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private CoapClient client(String uri) {
		CoapClient client = new CoapClient(uri);
		client.setEndpoint(this.endpoint);
		client.setTimeout(WAIT.toMillis());
		this.clients.add(client);
		return client;
	}

	private static boolean isFinal(Response response) {
		return !response.getOptions().hasObserve();
	}

	@Override
	public void close() {
		this.clients.forEach(CoapClient::shutdown);
		this.endpoint.destroy();
	}

	/**
	 * The notifications of one observation, in the order they were accepted.
	 */
	static final class Observation implements CoapHandler {

		final List<Response> responses = new CopyOnWriteArrayList<>();

		final List<Long> arrivals = new CopyOnWriteArrayList<>();

		volatile boolean error;

		CoapObserveRelation relation;

		@Override
		public void onLoad(CoapResponse response) {
			this.arrivals.add(System.nanoTime());
			this.responses.add(response.advanced());
		}

		@Override
		public void onError() {
			this.error = true;
		}

		Response first() {
			return this.responses.get(0);
		}

		Response last() {
			return this.responses.get(this.responses.size() - 1);
		}

		List<String> texts() {
			return this.responses.stream().map(Response::getPayloadString).toList();
		}

		/**
		 * Wait for the final response without Observe option, which the client may record before a notification
		 * that came just before it.
		 * @return the final response
		 */
		Response awaitFinal() {
			await().atMost(WAIT).until(() -> this.responses.stream().anyMatch(ObserveClient::isFinal));
			return this.responses.stream().filter(ObserveClient::isFinal).findFirst().orElseThrow();
		}

		Observation awaitCount(int count) {
			await().atMost(WAIT).until(() -> this.responses.size() >= count);
			return this;
		}

		Observation awaitText(String text) {
			await().atMost(WAIT).until(() -> texts().contains(text));
			return this;
		}

	}

}
