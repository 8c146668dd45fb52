package io.coapspring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of functional routes and value resources, bound from {@code coap.server.routes.*}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("coap.server.routes")
public class CoapRoutesProperties {

	/**
	 * Largest number of routes registered while the application runs, value resources included; a registration
	 * beyond it fails.
	 */
	private int maxRuntimeRoutes = 1000;

	public int getMaxRuntimeRoutes() {
		return this.maxRuntimeRoutes;
	}

	public void setMaxRuntimeRoutes(int maxRuntimeRoutes) {
		this.maxRuntimeRoutes = maxRuntimeRoutes;
	}

}
