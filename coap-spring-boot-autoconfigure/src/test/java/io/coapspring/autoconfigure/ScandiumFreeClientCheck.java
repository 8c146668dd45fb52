package io.coapspring.autoconfigure;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Callable;

import io.coapspring.client.CoapClientEndpoints;
import io.coapspring.client.CoapTemplate;
import io.coapspring.client.CoapTemplateBuilder;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.StringCoapMessageConverter;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.option.StandardOptionRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * Run by {@link CoapClientAutoConfigurationTests} in a class loader without Scandium: a {@link CoapTemplate}
 * sends a {@code coap://} request to a plain Californium server, and refuses DTLS credentials with a message
 * naming the missing dependency.
 */
public class ScandiumFreeClientCheck implements Callable<String> {

	@Override
	public String call() throws Exception {
		Configuration configuration = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
				SystemConfig.DEFINITIONS);
		CoapServer server = new CoapServer(configuration);
		server.addEndpoint(new CoapEndpoint.Builder().setConfiguration(configuration)
			.setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0))
			.build());
		server.add(new CoapResource("hello") {

			@Override
			public void handleGET(CoapExchange exchange) {
				exchange.respond("hello without scandium");
			}

		});
		server.start();
		CoapContentFormats formats = new CoapContentFormats();
		try (CoapClientEndpoints endpoints = new CoapClientEndpoints(configuration,
				StandardOptionRegistry.getDefaultOptionRegistry())) {
			CoapTemplateBuilder builder = new CoapTemplateBuilder(endpoints,
					new CoapMessageConverters(List.of(new StringCoapMessageConverter(formats)), formats));
			int port = server.getEndpoints().get(0).getAddress().getPort();
			String answer = builder.build().getForObject("coap://127.0.0.1:" + port + "/hello", String.class);
			String refusal;
			try {
				builder.pskIdentity("device", "secret").build();
				refusal = "built";
			}
			catch (IllegalStateException ex) {
				refusal = ex.getMessage();
			}
			return answer + " | " + refusal;
		}
		finally {
			server.destroy();
		}
	}

}
