package io.coapspring.benchmarks.servers;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

import io.coapspring.autoconfigure.CaliforniumConfigurationFactory;
import io.coapspring.autoconfigure.CoapProperties;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw baseline: a Californium {@link CoapServer} with plain {@code CoapResource}s and no Spring at all,
 * serving the same scenarios as the starter's server.
 * <p>
 * Run as {@code RawCaliforniumServer <port> <californium-defaults|starter-defaults>}. Its configuration is
 * built in memory (never {@code Configuration.getStandard()}, which writes {@code Californium3.properties}):
 * with {@code californium-defaults} it has Californium's own defaults, as a user who writes
 * {@code new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS, SystemConfig.DEFINITIONS)} gets
 * them; with {@code starter-defaults} it has exactly the values the starter derives from default
 * {@code coap.*} properties (through the starter's own {@link CaliforniumConfigurationFactory}), so that the
 * comparison with the starter measures dispatch, not settings.
 * <p>
 * With a third argument, {@code handler-executor}, its resources run on an executor like the starter's handler
 * executor ({@link HandlerExecutors#likeTheStarter()}, through {@link ExecutorCoapServer}) instead of on
 * Californium's protocol threads: the like-for-like baseline of the starter's default (blocking) handler methods.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class RawCaliforniumServer {

	/** The command-line argument that runs the resources on an executor like the starter's. */
	public static final String HANDLER_EXECUTOR = "handler-executor";

	/**
	 * Which settings the raw server runs with.
	 */
	public enum Settings {

		/** Californium's defaults. */
		CALIFORNIUM_DEFAULTS,

		/** The starter's production defaults. */
		STARTER_DEFAULTS;

		/**
		 * Parse the command-line form, e.g. {@code starter-defaults}.
		 * @param text the text
		 * @return the settings
		 */
		public static Settings parse(String text) {
			return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
		}

		/**
		 * Build the configuration.
		 * @return a new in-memory configuration
		 */
		public Configuration configuration() {
			if (this == STARTER_DEFAULTS) {
				return new CaliforniumConfigurationFactory(new CoapProperties(), List.of()).create();
			}
			return new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS, SystemConfig.DEFINITIONS);
		}

	}

	/**
	 * The system property that sets Californium's {@code MAX_SERVER_OBSERVES} (0 for no limit), named like the
	 * starter's property that sets it, so that one {@code -D} flag gives every server the same bound.
	 */
	public static final String MAX_OBSERVERS_PROPERTY = "coap.observe.max-observers";

	private final CoapServer server;

	private final ValidatorFactory validatorFactory;

	private final @Nullable ExecutorService resourceExecutor;

	private RawCaliforniumServer(CoapServer server, ValidatorFactory validatorFactory,
			@Nullable ExecutorService resourceExecutor) {
		this.server = server;
		this.validatorFactory = validatorFactory;
		this.resourceExecutor = resourceExecutor;
	}

	/**
	 * Start a server.
	 * @param address the address to bind
	 * @param port the port, 0 for a free one
	 * @param settings the settings
	 * @return the started server
	 */
	public static RawCaliforniumServer start(InetAddress address, int port, Settings settings) {
		return start(address, port, settings, null);
	}

	/**
	 * Start a server whose resources run on an executor.
	 * @param address the address to bind
	 * @param port the port, 0 for a free one
	 * @param settings the settings
	 * @param resourceExecutor the executor of the resources, shut down by {@link #stop()}; {@code null} for
	 * Californium's protocol threads
	 * @return the started server
	 */
	public static RawCaliforniumServer start(InetAddress address, int port, Settings settings,
			@Nullable ExecutorService resourceExecutor) {
		Configuration configuration = settings.configuration();
		// the same bound on observe relations as the starter's coap.observe.max-observers, when the harness sets it
		Integer maxObservers = Integer.getInteger(MAX_OBSERVERS_PROPERTY);
		if (maxObservers != null) {
			configuration.set(CoapConfig.MAX_SERVER_OBSERVES, maxObservers);
		}
		CoapServer server = (resourceExecutor != null) ? new ExecutorCoapServer(configuration, resourceExecutor)
				: new CoapServer(configuration);
		CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(configuration)
			.setInetSocketAddress(new InetSocketAddress(address, port))
			.build();
		server.addEndpoint(endpoint);
		ValidatorFactory validatorFactory = Validation.buildDefaultValidatorFactory();
		Validator validator = validatorFactory.getValidator();
		JsonMapper mapper = JsonMapper.builder().build();
		ObservedStateResource observed = new ObservedStateResource();
		server.add(new HelloResource(),
				new JsonReadingResource((payload) -> mapper.readValue(payload, Reading.class), validator), observed,
				new AdminResource(observed));
		server.start();
		return new RawCaliforniumServer(server, validatorFactory, resourceExecutor);
	}

	/**
	 * Return the bound port.
	 * @return the port of the server's endpoint
	 */
	public int port() {
		Endpoint endpoint = this.server.getEndpoints().get(0);
		return endpoint.getAddress().getPort();
	}

	/**
	 * Stop and destroy the server.
	 */
	public void stop() {
		this.server.destroy();
		if (this.resourceExecutor != null) {
			this.resourceExecutor.shutdown();
		}
		this.validatorFactory.close();
	}

	/**
	 * Run the server until the process is stopped.
	 * @param args the port, the settings, and {@code handler-executor} to run the resources on an executor like
	 * the starter's handler executor
	 * @throws InterruptedException never in practice
	 */
	public static void main(String[] args) throws InterruptedException {
		int port = Integer.parseInt(args[0]);
		Settings settings = (args.length > 1) ? Settings.parse(args[1]) : Settings.CALIFORNIUM_DEFAULTS;
		boolean onExecutor = args.length > 2 && args[2].equals(HANDLER_EXECUTOR);
		@Nullable ExecutorService executor = onExecutor ? HandlerExecutors.likeTheStarter() : null;
		RawCaliforniumServer server = start(InetAddress.getLoopbackAddress(), port, settings, executor);
		Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
		System.out.println("READY raw-californium " + settings + ((executor != null) ? " on " + executor : "")
				+ " on port " + server.port());
		new CountDownLatch(1).await();
	}

}
