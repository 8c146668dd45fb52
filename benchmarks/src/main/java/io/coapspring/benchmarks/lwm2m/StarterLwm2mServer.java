package io.coapspring.benchmarks.lwm2m;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

import io.coapspring.lwm2m.autoconfigure.Lwm2mServerAutoConfiguration;
import io.coapspring.lwm2m.core.Lwm2mContentFormat;
import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.server.Lwm2mServerLifecycle;
import org.eclipse.leshan.server.LeshanServer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The starter's LWM2M server: a Spring context with {@link Lwm2mServerAutoConfiguration} and its defaults (queue
 * mode, lenient decoder, registration bound, Spring events), reads through {@link Lwm2mOperations}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
final class StarterLwm2mServer implements Lwm2mBenchServer {

	private final ConfigurableApplicationContext context;

	private final Lwm2mOperations operations;

	private final LeshanServer server;

	private final InetSocketAddress address;

	private StarterLwm2mServer(ConfigurableApplicationContext context) {
		this.context = context;
		this.operations = context.getBean(Lwm2mOperations.class);
		this.server = context.getBean(LeshanServer.class);
		int port = context.getEnvironment().getRequiredProperty(Lwm2mServerLifecycle.PORT_PROPERTY, Integer.class);
		this.address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
	}

	/**
	 * Start the server on a free loopback port.
	 * @param maxRegistrations the registration bound (above what the run registers)
	 * @return the started server
	 */
	static StarterLwm2mServer start(int maxRegistrations) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Config.class)
			.web(WebApplicationType.NONE)
			.properties("coap.lwm2m.server.address=127.0.0.1", "coap.lwm2m.server.port=0",
					"coap.lwm2m.server.registration.max-registrations=" + maxRegistrations,
					"spring.main.banner-mode=off", "logging.level.root=warn")
			.run();
		return new StarterLwm2mServer(context);
	}

	@Override
	public InetSocketAddress address() {
		return this.address;
	}

	@Override
	public LeshanServer leshan() {
		return this.server;
	}

	@Override
	public CompletableFuture<?> read(String endpoint) {
		return this.operations.readAsync(endpoint, "/3/0/0", Lwm2mContentFormat.TLV);
	}

	@Override
	public void close() {
		this.context.close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(Lwm2mServerAutoConfiguration.class)
	static class Config {

	}

}
