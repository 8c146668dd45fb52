package io.coapspring.autoconfigure;

import java.util.List;

import io.coapspring.client.CoapTemplateBuilder;
import io.coapspring.client.CoapTemplateCustomizer;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.util.Assert;

/**
 * Configures a {@link CoapTemplateBuilder} from the {@code coap.client.*} properties, then applies the
 * {@link CoapTemplateCustomizer}s in order. Useful to build a second, differently customized builder with the
 * same defaults as the auto-configured one.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapTemplateBuilderConfigurer {

	private final CoapProperties.Client properties;

	private final List<CoapTemplateCustomizer> customizers;

	/**
	 * Create a configurer.
	 * @param properties the client properties
	 * @param customizers the customizers, in order
	 */
	public CoapTemplateBuilderConfigurer(CoapProperties.Client properties, List<CoapTemplateCustomizer> customizers) {
		Assert.notNull(properties, "'properties' must not be null");
		Assert.notNull(customizers, "'customizers' must not be null");
		this.properties = properties;
		this.customizers = List.copyOf(customizers);
	}

	/**
	 * Configure a builder.
	 * @param builder the builder
	 * @return the same builder
	 */
	public CoapTemplateBuilder configure(CoapTemplateBuilder builder) {
		PropertyMapper map = PropertyMapper.get();
		CoapProperties.Client client = this.properties;
		map.from(client::getBaseUri).to(builder::baseUri);
		map.from(client::getTimeout).to(builder::timeout);
		map.from(client::isConfirmable).to(builder::confirmable);
		map.from(client::getAccept).to(builder::accept);
		map.from(client::getContentFormat).to(builder::contentFormat);
		map.from(client::getMaxRetransmit).to(builder::maxRetransmit);
		map.from(client::getBlockSize).to(builder::blockSize);
		map.from(client::getMaxBodySize).to(builder::maxBodySize);
		map.from(client::getMulticastWindow).to(builder::multicastWindow);
		map.from(client::getMulticastInterface).to(builder::multicastInterface);
		for (CoapTemplateCustomizer customizer : this.customizers) {
			customizer.customize(builder);
		}
		return builder;
	}

}
