package io.coapspring.lwm2m.server;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.leshan.core.endpoint.Protocol;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.endpoint.LwM2mServerEndpoint;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.Assert;

/**
 * Starts and stops the Leshan LWM2M server with the application context. Start-up fails with a
 * {@link Lwm2mPortInUseException} naming the property when a port is taken (Californium only logs when one of
 * several endpoints fails to bind). Once started, the bound ports are published as the properties
 * {@value #PORT_PROPERTY} and {@value #DTLS_PORT_PROPERTY} (useful with port 0 in tests).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mServerLifecycle implements SmartLifecycle {

	/** Property holding the bound port of the plain CoAP LWM2M endpoint. */
	public static final String PORT_PROPERTY = "local.lwm2m.port";

	/** Property holding the bound port of the DTLS LWM2M endpoint. */
	public static final String DTLS_PORT_PROPERTY = "local.lwm2m.dtls-port";

	private static final Logger logger = LoggerFactory.getLogger(Lwm2mServerLifecycle.class);

	private final LeshanServer server;

	private final @Nullable CoapServer coapServer;

	private final @Nullable ConfigurableEnvironment environment;

	private final int expectedEndpoints;

	private volatile boolean running;

	/**
	 * Create a lifecycle.
	 * @param server the Leshan server, built but not started
	 * @param coapServer the Californium server Leshan runs on, if known, to check that every endpoint bound
	 * @param environment where the bound ports are published, if any
	 */
	public Lwm2mServerLifecycle(LeshanServer server, @Nullable CoapServer coapServer,
			@Nullable ConfigurableEnvironment environment) {
		this(server, coapServer, environment, 0);
	}

	/**
	 * Create a lifecycle that also checks how many endpoints Leshan created (it only logs when it cannot create
	 * the DTLS endpoint, for instance for credentials DTLS cannot use).
	 * @param server the Leshan server, built but not started
	 * @param coapServer the Californium server Leshan runs on, if known, to check that every endpoint bound
	 * @param environment where the bound ports are published, if any
	 * @param expectedEndpoints how many endpoints the server must have, 0 for no check
	 */
	public Lwm2mServerLifecycle(LeshanServer server, @Nullable CoapServer coapServer,
			@Nullable ConfigurableEnvironment environment, int expectedEndpoints) {
		Assert.notNull(server, "'server' must not be null");
		this.server = server;
		this.coapServer = coapServer;
		this.environment = environment;
		this.expectedEndpoints = expectedEndpoints;
	}

	@Override
	public void start() {
		if (this.server.getEndpoints().size() < this.expectedEndpoints) {
			throw new Lwm2mServerException("LWM2M server has " + this.server.getEndpoints().size() + " of its "
					+ this.expectedEndpoints + " endpoints: Leshan could not create the DTLS endpoint (its warning in "
					+ "the log says why; check coap.lwm2m.server.dtls.*)", null);
		}
		new Lwm2mEndpointStarter("LWM2M server", this.coapServer, "coap.lwm2m.server.port",
				"coap.lwm2m.server.dtls.port")
			.start(this.server::start, this.server::stop);
		this.running = true;
		Map<String, Object> ports = new HashMap<>();
		for (LwM2mServerEndpoint endpoint : this.server.getEndpoints()) {
			URI uri = endpoint.getURI();
			ports.put(Protocol.COAPS.equals(endpoint.getProtocol()) ? DTLS_PORT_PROPERTY : PORT_PROPERTY, uri.getPort());
			logger.info("LWM2M server listening on {}", uri);
		}
		Lwm2mEndpointStarter.publish(this.environment, "lwm2m.server.ports", ports);
	}

	@Override
	public void stop() {
		if (this.running) {
			this.running = false;
			this.server.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Start after the application's CoAP server (so that a port clash shows up as the LWM2M property) and stop
	 * before it.
	 * @return the phase
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 512;
	}

	/**
	 * Return the LWM2M endpoints and whether each is bound and started.
	 * @return started state by endpoint URI
	 */
	public Map<String, Boolean> getEndpoints() {
		Map<String, Boolean> endpoints = new java.util.LinkedHashMap<>();
		if (this.coapServer != null) {
			for (Endpoint endpoint : this.coapServer.getEndpoints()) {
				endpoints.put(endpoint.getUri().toString(), endpoint.isStarted() && endpoint.getAddress().getPort() != 0);
			}
		}
		return endpoints;
	}

	/**
	 * Return the Leshan server.
	 * @return the server
	 */
	public LeshanServer getServer() {
		return this.server;
	}

}
