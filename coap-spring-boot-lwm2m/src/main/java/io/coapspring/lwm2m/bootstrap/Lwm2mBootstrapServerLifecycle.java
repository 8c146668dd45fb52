package io.coapspring.lwm2m.bootstrap;

import java.util.HashMap;
import java.util.Map;

import io.coapspring.lwm2m.server.Lwm2mEndpointStarter;
import io.coapspring.lwm2m.server.Lwm2mPortInUseException;
import io.coapspring.lwm2m.server.Lwm2mServerException;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.leshan.core.endpoint.Protocol;
import org.eclipse.leshan.server.bootstrap.LeshanBootstrapServer;
import org.eclipse.leshan.server.bootstrap.endpoint.LwM2mBootstrapServerEndpoint;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.Assert;

/**
 * Starts and stops the Leshan bootstrap server with the application context, failing start-up with a
 * {@link Lwm2mPortInUseException} naming {@code coap.lwm2m.bootstrap.port} (or {@code .dtls.port}) when a port
 * is taken, and publishing the bound ports as {@value #PORT_PROPERTY} and {@value #DTLS_PORT_PROPERTY}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mBootstrapServerLifecycle implements SmartLifecycle {

	/** Property holding the bound port of the bootstrap server. */
	public static final String PORT_PROPERTY = "local.lwm2m.bootstrap.port";

	/** Property holding the bound port of the bootstrap server's DTLS endpoint. */
	public static final String DTLS_PORT_PROPERTY = "local.lwm2m.bootstrap.dtls-port";

	private static final Logger logger = LoggerFactory.getLogger(Lwm2mBootstrapServerLifecycle.class);

	private final LeshanBootstrapServer server;

	private final CoapServer coapServer;

	private final @Nullable ConfigurableEnvironment environment;

	private final int expectedEndpoints;

	private volatile boolean running;

	/**
	 * Create a lifecycle.
	 * @param server the bootstrap server, built but not started
	 * @param coapServer the Californium server it runs on
	 * @param environment where the bound port is published, if any
	 */
	public Lwm2mBootstrapServerLifecycle(LeshanBootstrapServer server, CoapServer coapServer,
			@Nullable ConfigurableEnvironment environment) {
		this(server, coapServer, environment, 0);
	}

	/**
	 * Create a lifecycle that also checks how many endpoints Leshan created (it only logs when it cannot create
	 * the DTLS endpoint).
	 * @param server the bootstrap server, built but not started
	 * @param coapServer the Californium server it runs on
	 * @param environment where the bound ports are published, if any
	 * @param expectedEndpoints how many endpoints the server must have, 0 for no check
	 */
	public Lwm2mBootstrapServerLifecycle(LeshanBootstrapServer server, CoapServer coapServer,
			@Nullable ConfigurableEnvironment environment, int expectedEndpoints) {
		Assert.notNull(server, "'server' must not be null");
		Assert.notNull(coapServer, "'coapServer' must not be null");
		this.server = server;
		this.coapServer = coapServer;
		this.environment = environment;
		this.expectedEndpoints = expectedEndpoints;
	}

	@Override
	public void start() {
		if (this.server.getEndpoints().size() < this.expectedEndpoints) {
			throw new Lwm2mServerException("LWM2M bootstrap server has " + this.server.getEndpoints().size()
					+ " of its " + this.expectedEndpoints + " endpoints: Leshan could not create the DTLS endpoint "
					+ "(its warning in the log says why; check coap.lwm2m.bootstrap.dtls.*)", null);
		}
		new Lwm2mEndpointStarter("LWM2M bootstrap server", this.coapServer, "coap.lwm2m.bootstrap.port",
				"coap.lwm2m.bootstrap.dtls.port")
			.start(this.server::start, this.server::stop);
		this.running = true;
		Map<String, Object> ports = new HashMap<>();
		for (LwM2mBootstrapServerEndpoint endpoint : this.server.getEndpoints()) {
			ports.put(Protocol.COAPS.equals(endpoint.getProtocol()) ? DTLS_PORT_PROPERTY : PORT_PROPERTY,
					endpoint.getURI().getPort());
			logger.info("LWM2M bootstrap server listening on {}", endpoint.getURI());
		}
		Lwm2mEndpointStarter.publish(this.environment, "lwm2m.bootstrap.ports", ports);
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

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 512;
	}

}
