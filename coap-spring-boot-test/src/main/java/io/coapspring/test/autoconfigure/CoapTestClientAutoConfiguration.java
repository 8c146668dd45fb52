package io.coapspring.test.autoconfigure;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import io.coapspring.autoconfigure.CoapAutoConfiguration;
import io.coapspring.autoconfigure.CoapMessageConvertersAutoConfiguration;
import io.coapspring.autoconfigure.CoapProperties;
import io.coapspring.autoconfigure.CoapServerAutoConfiguration;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import io.coapspring.test.client.CoapTestClient;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.elements.config.Configuration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of a
 * {@link CoapTestClient} that sends to the application's CoAP server on its bound port, on the loopback address
 * when the server binds the wildcard address. Imported by {@link AutoConfigureCoapTestClient}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = { CoapAutoConfiguration.class, CoapMessageConvertersAutoConfiguration.class,
		CoapServerAutoConfiguration.class })
@ConditionalOnClass({ CoapServer.class, CoapTestClient.class })
@ConditionalOnBean({ CoapServer.class, CoapMessageConverters.class })
public final class CoapTestClientAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	CoapTestClient coapTestClient(Environment environment, CoapProperties properties,
			Configuration coapConfiguration, ObjectProvider<OptionRegistry> optionRegistry,
			CoapMessageConverters coapMessageConverters) {
		InetAddress address = properties.getServer().getAddress();
		InetAddress host = (address == null || address.isAnyLocalAddress()) ? InetAddress.getLoopbackAddress()
				: address;
		return new CoapTestClient(
				() -> new InetSocketAddress(host, environment
					.getRequiredProperty(CoapPortInfoApplicationContextInitializer.PORT_PROPERTY, Integer.class)),
				coapConfiguration, optionRegistry.getIfUnique(), coapMessageConverters,
				CoapTestClient.DEFAULT_TIMEOUT);
	}

}
