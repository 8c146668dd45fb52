package io.coapspring.lwm2m.bootstrap;

import java.util.Map;

import io.coapspring.lwm2m.server.Lwm2mPortInUseException;
import io.coapspring.lwm2m.server.Lwm2mServerException;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.leshan.server.bootstrap.LeshanBootstrapServer;
import org.eclipse.leshan.server.bootstrap.endpoint.LwM2mBootstrapServerEndpoint;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.Assert;

/**
 * Starts and stops the Leshan bootstrap server with the application context, failing start-up with a
 * {@link Lwm2mPortInUseException} naming {@code coap.lwm2m.bootstrap.port} when its port is taken, and
 * publishing the bound port as {@value #PORT_PROPERTY}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mBootstrapServerLifecycle implements SmartLifecycle {

	/** Property holding the bound port of the bootstrap server. */
	public static final String PORT_PROPERTY = "local.lwm2m.bootstrap.port";

	private static final Logger logger = LoggerFactory.getLogger(Lwm2mBootstrapServerLifecycle.class);

	private final LeshanBootstrapServer server;

	private final CoapServer coapServer;

	private final @Nullable ConfigurableEnvironment environment;

	private volatile boolean running;

	/**
	 * Create a lifecycle.
	 * @param server the bootstrap server, built but not started
	 * @param coapServer the Californium server it runs on
	 * @param environment where the bound port is published, if any
	 */
	public Lwm2mBootstrapServerLifecycle(LeshanBootstrapServer server, CoapServer coapServer,
			@Nullable ConfigurableEnvironment environment) {
		Assert.notNull(server, "'server' must not be null");
		Assert.notNull(coapServer, "'coapServer' must not be null");
		this.server = server;
		this.coapServer = coapServer;
		this.environment = environment;
	}

	@Override
	public void start() {
		RuntimeException failure = null;
		try {
			this.server.start();
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		for (Endpoint endpoint : this.coapServer.getEndpoints()) {
			if (!endpoint.isStarted()) {
				safeStop();
				throw new Lwm2mPortInUseException(endpoint.getAddress(), "coap.lwm2m.bootstrap.port", failure);
			}
		}
		if (failure != null) {
			safeStop();
			throw new Lwm2mServerException("LWM2M bootstrap server failed to start: " + failure.getMessage(), failure);
		}
		this.running = true;
		for (LwM2mBootstrapServerEndpoint endpoint : this.server.getEndpoints()) {
			logger.info("LWM2M bootstrap server listening on {}", endpoint.getURI());
			if (this.environment != null) {
				this.environment.getPropertySources().remove("lwm2m.bootstrap.ports");
				this.environment.getPropertySources()
					.addFirst(new MapPropertySource("lwm2m.bootstrap.ports",
							Map.of(PORT_PROPERTY, endpoint.getURI().getPort())));
			}
		}
	}

	private void safeStop() {
		try {
			this.server.stop();
		}
		catch (RuntimeException ex) {
			logger.debug("Stopping the bootstrap server after a failed start failed too", ex);
		}
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
