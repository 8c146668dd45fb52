package io.coapspring.server.dtls;

import org.eclipse.californium.scandium.config.DtlsConnectorConfig;

/**
 * Callback that adjusts the builder of the server's {@link DtlsConnectorConfig} after the
 * {@code coap.server.dtls.*} properties and credentials were applied: the way to reach any Scandium
 * setting of the server's DTLS endpoint that has no property of its own, for instance a session store, a
 * connection listener or a custom certificate verifier.
 * <p>
 * Beans of this type are applied in {@link org.springframework.core.annotation.Order @Order}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface CoapDtlsConnectorConfigCustomizer {

	/**
	 * Customize the given builder.
	 * @param builder the builder, with properties and credentials applied
	 */
	void customize(DtlsConnectorConfig.Builder builder);

}
