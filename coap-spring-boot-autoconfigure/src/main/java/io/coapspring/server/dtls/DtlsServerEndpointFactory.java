package io.coapspring.server.dtls;

import io.coapspring.server.CoapServerEndpointFactory;
import io.coapspring.server.deduplication.CoapDeduplication;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Creates the server's DTLS ({@code coaps}) endpoint: a Californium {@link CoapEndpoint} over a Scandium
 * {@link DTLSConnector}, with the same CoAP configuration and option registry as the plain endpoint.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class DtlsServerEndpointFactory implements CoapServerEndpointFactory {

	private final Configuration configuration;

	private final DtlsConnectorConfig dtlsConfig;

	private @Nullable OptionRegistry optionRegistry;

	private @Nullable CoapDeduplication deduplication;

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

	/**
	 * Set the registry of the options the endpoint understands; a critical option outside it is rejected with
	 * 4.02 Bad Option.
	 * @param optionRegistry the registry, or {@code null} for Californium's standard options
	 */
	public void setOptionRegistry(@Nullable OptionRegistry optionRegistry) {
		this.optionRegistry = optionRegistry;
	}

	/**
	 * Set the deduplication that gives the endpoint its deduplicator, with a total bound.
	 * @param deduplication the deduplication, or {@code null} for Californium's deduplicators
	 */
	public void setDeduplication(@Nullable CoapDeduplication deduplication) {
		this.deduplication = deduplication;
	}

	@Override
	public Endpoint createEndpoint() {
		CoapEndpoint.Builder endpoint = new CoapEndpoint.Builder().setConfiguration(this.configuration)
			.setConnector(new DTLSConnector(this.dtlsConfig));
		if (this.optionRegistry != null) {
			endpoint.setOptionRegistry(this.optionRegistry);
		}
		if (this.deduplication != null) {
			this.deduplication.apply(endpoint, this.configuration);
		}
		return endpoint.build();
	}

}
