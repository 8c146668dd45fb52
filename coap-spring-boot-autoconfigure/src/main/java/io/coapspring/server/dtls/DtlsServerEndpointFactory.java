package io.coapspring.server.dtls;

import io.coapspring.server.CoapServerEndpointFactory;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;

import org.springframework.util.Assert;

/**
 * Creates the server's DTLS ({@code coaps}) endpoint: a Californium {@link CoapEndpoint} over a Scandium
 * {@link DTLSConnector}, with the same CoAP configuration as the plain endpoint.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class DtlsServerEndpointFactory implements CoapServerEndpointFactory {

	private final Configuration configuration;

	private final DtlsConnectorConfig dtlsConfig;

	/**
	 * Create a factory.
	 * @param configuration the CoAP configuration of the endpoint
	 * @param dtlsConfig the configuration of the DTLS connector, with its bind address and credentials
	 */
	public DtlsServerEndpointFactory(Configuration configuration, DtlsConnectorConfig dtlsConfig) {
		Assert.notNull(configuration, "'configuration' must not be null");
		Assert.notNull(dtlsConfig, "'dtlsConfig' must not be null");
		this.configuration = configuration;
		this.dtlsConfig = dtlsConfig;
	}

	@Override
	public Endpoint createEndpoint() {
		return new CoapEndpoint.Builder().setConfiguration(this.configuration)
			.setConnector(new DTLSConnector(this.dtlsConfig))
			.build();
	}

}
