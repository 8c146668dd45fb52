package io.coapspring.server.context;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.coapspring.server.CoapObservationTerminator;
import io.coapspring.server.CoapPortInUseException;
import io.coapspring.server.CoapRequestGate;
import io.coapspring.server.CoapServerException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.server.resources.Resource;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Starts the CoAP server's endpoints once the application context is refreshed and stops them when it
 * closes.
 * <p>
 * The server is started first, so that endpoints without executors get the server's, then each endpoint is
 * checked on its own ({@link CoapServer#start()} fails only when no endpoint at all started, and only logs
 * why): a port held by another socket fails start-up with a {@link CoapPortInUseException}, and
 * a {@link CoapServerStartedEvent} announces the bound addresses.
 * <p>
 * Stopping ends every observation (RFC 7641) first: the observers of the resource tree and those of the
 * {@link CoapObservationTerminator}s (the mapped handler methods) receive a final confirmable 5.03 Service
 * Unavailable without Observe option. A graceful stop then refuses new requests with 5.03 and waits, up to the
 * shutdown timeout, for in-flight exchanges and for those final responses to be acknowledged (or given up) before
 * the sockets close; an immediate stop waits only until they are sent, for at most
 * {@value #IMMEDIATE_STOP_MILLIS} ms. Observe relations themselves never hold a shutdown up.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapServerLifecycle implements SmartLifecycle {

	/**
	 * Phase of the lifecycle, the one of Spring Boot's graceful web server shutdown: like a web server, the
	 * CoAP server is started before and stopped after the lifecycle beans of the default phase (stopping goes
	 * from the highest phase down), and drains before any bean is destroyed.
	 */
	public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1024;

	/**
	 * The longest time an immediate stop waits for the final responses of observations to be sent.
	 */
	public static final long IMMEDIATE_STOP_MILLIS = 500;

	private static final Log logger = LogFactory.getLog(CoapServerLifecycle.class);

	private static final long POLL_INTERVAL_MILLIS = 10;

	private final CoapServer server;

	private final CoapRequestGate gate;

	private final ApplicationEventPublisher eventPublisher;

	private final boolean graceful;

	private final Duration shutdownTimeout;

	private final List<CoapObservationTerminator> terminators;

	private volatile boolean running;

	/**
	 * Create a lifecycle for the given server.
	 * @param server the server, with its endpoints added but not started
	 * @param gate the gate its deliverer uses
	 * @param eventPublisher publisher of the {@link CoapServerStartedEvent}
	 * @param graceful whether stopping waits for in-flight exchanges
	 * @param shutdownTimeout the longest graceful wait
	 */
	public CoapServerLifecycle(CoapServer server, CoapRequestGate gate, ApplicationEventPublisher eventPublisher,
			boolean graceful, Duration shutdownTimeout) {
		this(server, gate, eventPublisher, graceful, shutdownTimeout, List.of());
	}

	/**
	 * Create a lifecycle for the given server that also ends the observations of the given terminators.
	 * @param server the server, with its endpoints added but not started
	 * @param gate the gate its deliverer uses
	 * @param eventPublisher publisher of the {@link CoapServerStartedEvent}
	 * @param graceful whether stopping waits for in-flight exchanges
	 * @param shutdownTimeout the longest graceful wait
	 * @param terminators end the observations kept outside the resource tree
	 */
	public CoapServerLifecycle(CoapServer server, CoapRequestGate gate, ApplicationEventPublisher eventPublisher,
			boolean graceful, Duration shutdownTimeout, List<CoapObservationTerminator> terminators) {
		Assert.notNull(server, "'server' must not be null");
		Assert.notNull(gate, "'gate' must not be null");
		Assert.notNull(eventPublisher, "'eventPublisher' must not be null");
		Assert.notNull(shutdownTimeout, "'shutdownTimeout' must not be null");
		Assert.notNull(terminators, "'terminators' must not be null");
		this.server = server;
		this.gate = gate;
		this.eventPublisher = eventPublisher;
		this.graceful = graceful;
		this.shutdownTimeout = shutdownTimeout;
		this.terminators = List.copyOf(terminators);
	}

	@Override
	public void start() {
		List<Endpoint> endpoints = this.server.getEndpoints();
		if (endpoints.isEmpty()) {
			throw new IllegalStateException("CoAP server has no endpoint to start");
		}
		this.gate.startAccepting();
		startServer();
		List<InetSocketAddress> plainAddresses = new ArrayList<>(endpoints.size());
		List<InetSocketAddress> secureAddresses = new ArrayList<>(endpoints.size());
		StringBuilder otherEndpoints = new StringBuilder();
		for (Endpoint endpoint : endpoints) {
			if (!endpoint.isStarted()) {
				// Californium only logged why: starting it again surfaces the cause
				startEndpoint(endpoint);
			}
			String scheme = endpoint.getUri().getScheme();
			if (CoAP.COAP_URI_SCHEME.equals(scheme) || CoAP.COAP_SECURE_URI_SCHEME.equals(scheme)) {
				(isSecure(endpoint) ? secureAddresses : plainAddresses).add(endpoint.getAddress());
			}
			else {
				// TCP and TLS endpoints (RFC 8323): not UDP ports
				otherEndpoints.append(", ").append(endpoint.getUri());
			}
		}
		this.running = true;
		String datagramEndpoints = describe("udp", plainAddresses, describe("dtls", secureAddresses, ""));
		logger.info("CoAP server started on "
				+ (datagramEndpoints.isEmpty() ? otherEndpoints.substring(2) : datagramEndpoints + otherEndpoints));
		this.eventPublisher.publishEvent(new CoapServerStartedEvent(this.server, plainAddresses, secureAddresses));
	}

	private static boolean isSecure(Endpoint endpoint) {
		return CoAP.COAP_SECURE_URI_SCHEME.equals(endpoint.getUri().getScheme());
	}

	private void startServer() {
		try {
			// The server first, so that it gives executors to endpoints that have none (a user's own server)
			// before they start; an endpoint started on its own would make it fail to do so.
			this.server.start();
		}
		catch (IllegalStateException ex) {
			// No endpoint started: each is checked, and the failure reported, by the caller
		}
	}

	private void startEndpoint(Endpoint endpoint) {
		InetSocketAddress address = endpoint.getAddress();
		try {
			endpoint.start();
		}
		catch (BindException ex) {
			stopEndpoints();
			String scheme = endpoint.getUri().getScheme();
			if (!CoAP.COAP_URI_SCHEME.equals(scheme) && !CoAP.COAP_SECURE_URI_SCHEME.equals(scheme)) {
				throw new CoapServerException("CoAP endpoint " + endpoint.getUri() + " could not be started: TCP port "
						+ address.getPort() + " is already in use", ex);
			}
			throw new CoapPortInUseException(address, isSecure(endpoint), ex);
		}
		catch (IOException ex) {
			stopEndpoints();
			throw new CoapServerException("CoAP endpoint " + endpoint.getUri() + " could not be started", ex);
		}
	}

	@Override
	public void stop() {
		if (this.graceful) {
			drain();
		}
		else {
			endObservationsNow();
		}
		stopEndpoints();
	}

	@Override
	public void stop(Runnable callback) {
		if (!this.graceful) {
			endObservationsNow();
			stopEndpoints();
			callback.run();
			return;
		}
		this.gate.stopAccepting();
		Thread drainer = new Thread(() -> {
			try {
				drain();
				stopEndpoints();
			}
			finally {
				callback.run();
			}
		}, "coap-graceful-shutdown");
		drainer.setDaemon(false);
		drainer.start();
	}

	private void drain() {
		this.gate.stopAccepting();
		logger.info("Commencing graceful shutdown of the CoAP server. Waiting for in-flight exchanges to complete");
		long deadline = System.nanoTime() + this.shutdownTimeout.toNanos();
		FinalResponses finals = endObservations();
		try {
			boolean drained = this.gate.awaitInFlight(this.shutdownTimeout);
			boolean ended = finals.await(deadline, true);
			if (drained && ended) {
				logger.info("CoAP server graceful shutdown complete");
			}
			else {
				logger.warn("CoAP server graceful shutdown timed out after " + this.shutdownTimeout + " with "
						+ this.gate.inFlightCount() + " exchange(s) still in flight and " + finals.pending(true)
						+ " observer(s) not yet told");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			logger.warn("CoAP server graceful shutdown interrupted");
		}
	}

	private void endObservationsNow() {
		FinalResponses finals = endObservations();
		try {
			finals.await(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(IMMEDIATE_STOP_MILLIS), false);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private FinalResponses endObservations() {
		if (!this.running) {
			return new FinalResponses(List.of(), List.of());
		}
		List<Response> responses = new ArrayList<>();
		for (CoapObservationTerminator terminator : this.terminators) {
			try {
				responses.addAll(terminator.terminate(ResponseCode.SERVICE_UNAVAILABLE));
			}
			catch (RuntimeException ex) {
				logger.warn("Could not end the observations of " + terminator, ex);
			}
		}
		List<CoapResource> observed = new ArrayList<>();
		collectObserved(this.server.getRoot(), observed);
		for (CoapResource resource : observed) {
			resource.clearAndNotifyObserveRelations(ResponseCode.SERVICE_UNAVAILABLE);
		}
		if (!responses.isEmpty() || !observed.isEmpty()) {
			logger.info("Ending the observations of " + (responses.size() + observed.size())
					+ " observer(s) and resource(s) with 5.03 Service Unavailable");
		}
		return new FinalResponses(responses, observed);
	}

	private static void collectObserved(Resource resource, List<CoapResource> observed) {
		if (resource instanceof CoapResource coapResource && coapResource.isObservable()
				&& coapResource.getObserverCount() > 0) {
			observed.add(coapResource);
		}
		for (Resource child : resource.getChildren()) {
			collectObserved(child, observed);
		}
	}

	private void stopEndpoints() {
		this.running = false;
		this.server.stop();
		for (Endpoint endpoint : this.server.getEndpoints()) {
			endpoint.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	private static String describe(String transport, List<InetSocketAddress> addresses, String more) {
		StringBuilder text = new StringBuilder();
		for (InetSocketAddress address : addresses) {
			if (!text.isEmpty()) {
				text.append(", ");
			}
			String host = address.getAddress().getHostAddress();
			text.append(transport)
				.append(' ')
				.append(host.contains(":") ? "[" + host + "]" : host)
				.append(':')
				.append(address.getPort());
		}
		if (!more.isEmpty()) {
			text.append(text.isEmpty() ? "" : ", ").append(more);
		}
		return text.toString();
	}

	/**
	 * The final responses of the observations a stop ended.
	 *
	 * @param responses the final responses sent to the observers of the terminators
	 * @param resources the resources of the tree whose observers were sent one by Californium
	 */
	private record FinalResponses(List<Response> responses, List<CoapResource> resources) {

		boolean await(long deadlineNanos, boolean delivered) throws InterruptedException {
			while (pending(delivered) > 0) {
				if (System.nanoTime() - deadlineNanos >= 0) {
					return false;
				}
				TimeUnit.MILLISECONDS.sleep(POLL_INTERVAL_MILLIS);
			}
			return true;
		}

		int pending(boolean delivered) {
			int pending = 0;
			for (Response response : this.responses) {
				if (!(delivered ? CoapRequestGate.isSettled(response) : isSent(response))) {
					pending++;
				}
			}
			for (CoapResource resource : this.resources) {
				// Californium removes a relation when its final response is sent
				pending += resource.getObserverCount();
			}
			return pending;
		}

		private static boolean isSent(Response response) {
			return response.isSent() || response.isCanceled() || response.getSendError() != null;
		}

	}

}
