package io.coapspring.lwm2m.server;

import java.util.Map;

import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.Endpoint;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.util.Assert;

/**
 * Starts a Leshan server or bootstrap server on its Californium endpoints for a lifecycle: a port that is taken
 * becomes a {@link Lwm2mPortInUseException} naming the property that sets it (Californium only logs when one of
 * several endpoints fails to bind), any other failure a {@link Lwm2mServerException}, and the server is stopped
 * again in both cases. Once started, the bound ports are published as properties.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class Lwm2mEndpointStarter {

	private static final Logger logger = LoggerFactory.getLogger(Lwm2mEndpointStarter.class);

	private final String description;

	private final @Nullable CoapServer coapServer;

	private final String portProperty;

	private final String dtlsPortProperty;

	/**
	 * Create a starter.
	 * @param description what is started, for messages ({@code LWM2M server})
	 * @param coapServer the Californium server the Leshan server runs on, if known, to check every endpoint bound
	 * @param portProperty the property that sets the {@code coap://} port
	 * @param dtlsPortProperty the property that sets the {@code coaps://} port
	 */
	public Lwm2mEndpointStarter(String description, @Nullable CoapServer coapServer, String portProperty,
			String dtlsPortProperty) {
		Assert.hasText(description, "'description' must not be empty");
		this.description = description;
		this.coapServer = coapServer;
		this.portProperty = portProperty;
		this.dtlsPortProperty = dtlsPortProperty;
	}

	/**
	 * Start the server and check that every endpoint bound.
	 * @param start starts the server
	 * @param stop stops it again after a failure
	 * @throws Lwm2mPortInUseException if an endpoint could not bind its port
	 * @throws Lwm2mServerException if the server failed to start for another reason
	 */
	public void start(Runnable start, Runnable stop) {
		RuntimeException failure = null;
		try {
			start.run();
		}
		catch (RuntimeException ex) {
			failure = ex;
		}
		Lwm2mPortInUseException portInUse = findUnbound(failure);
		if (portInUse != null || failure != null) {
			try {
				stop.run();
			}
			catch (RuntimeException ex) {
				logger.debug("Stopping the {} after a failed start failed too", this.description, ex);
			}
			if (portInUse != null) {
				throw portInUse;
			}
			throw new Lwm2mServerException(this.description + " failed to start: " + failure.getMessage(), failure);
		}
	}

	private @Nullable Lwm2mPortInUseException findUnbound(@Nullable Throwable failure) {
		if (this.coapServer == null) {
			return null;
		}
		for (Endpoint endpoint : this.coapServer.getEndpoints()) {
			if (!endpoint.isStarted()) {
				String property = "coaps".equals(endpoint.getUri().getScheme()) ? this.dtlsPortProperty
						: this.portProperty;
				return new Lwm2mPortInUseException(endpoint.getAddress(), property, failure);
			}
		}
		return null;
	}

	/**
	 * Publish bound ports as properties, replacing what an earlier start published.
	 * @param environment the environment, or {@code null} to publish nothing
	 * @param sourceName the name of the property source
	 * @param ports the ports by property name
	 */
	public static void publish(@Nullable ConfigurableEnvironment environment, String sourceName,
			Map<String, Object> ports) {
		if (environment == null) {
			return;
		}
		MutablePropertySources sources = environment.getPropertySources();
		sources.remove(sourceName);
		sources.addFirst(new MapPropertySource(sourceName, ports));
	}

}
