package io.coapspring.server;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests of how the CoAP server stops: graceful (in-flight exchanges finish, new requests get 5.03, then
 * the socket closes), graceful with a timeout, and immediate.
 *
 * @author CoAP Spring Boot team
 */
class CoapServerShutdownTests {

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<CoapEndpoint> clientEndpoints = new ArrayList<>();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final List<BlockingResource> slowResources = new ArrayList<>();

	@AfterEach
	void cleanUp() {
		this.slowResources.forEach((resource) -> resource.release.countDown());
		this.contexts.forEach(ConfigurableApplicationContext::close);
		this.clientEndpoints.forEach(CoapEndpoint::destroy);
		this.executor.shutdownNow();
	}

	@Test
	void gracefulShutdownLetsTheInFlightExchangeFinishAndRefusesNewRequests() throws Exception {
		ConfigurableApplicationContext context = run("coap.server.shutdown=graceful",
				"coap.server.shutdown-timeout=30s");
		int port = localPort(context);
		SlowResource slow = context.getBean(SlowResource.class);
		CoapRequestGate gate = context.getBean(CoapRequestGate.class);
		CompletableFuture<CoapResponse> inFlight = getAsync(port, Duration.ofSeconds(10));
		assertThat(slow.entered.await(5, TimeUnit.SECONDS)).isTrue();

		CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close, this.executor);
		await().atMost(Duration.ofSeconds(5)).until(() -> !gate.isAccepting());

		CoapResponse refused = get(port, Duration.ofSeconds(5));
		assertThat(refused).isNotNull();
		assertThat(refused.getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
		assertThat(refused.getOptions().getMaxAge()).isEqualTo(5L);
		assertThat(slow.requests).hasValue(1);
		assertThat(inFlight).isNotDone();
		assertThat(closed).isNotDone();

		slow.release.countDown();
		CoapResponse response = inFlight.get(15, TimeUnit.SECONDS);
		assertThat(response).isNotNull();
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getResponseText()).isEqualTo("done");
		// well within the shutdown timeout: the answered exchange ended the drain
		closed.get(10, TimeUnit.SECONDS);
		assertThat(context.isActive()).isFalse();
		assertPortIsFree(port);
	}

	@Test
	void gracefulShutdownWaitsForAPendingSeparateResponse() throws Exception {
		ConfigurableApplicationContext context = run("coap.server.shutdown=graceful",
				"coap.server.shutdown-timeout=30s");
		int port = localPort(context);
		SeparateResource separate = context.getBean(SeparateResource.class);
		CoapRequestGate gate = context.getBean(CoapRequestGate.class);
		CompletableFuture<CoapResponse> inFlight = getAsync(port, "separate", Duration.ofSeconds(10));
		assertThat(separate.entered.await(5, TimeUnit.SECONDS)).isTrue();
		// the request was acknowledged with an empty ACK: only the separate response is pending
		await().atMost(Duration.ofSeconds(5)).until(separate::accepted);

		CompletableFuture<Void> closed = CompletableFuture.runAsync(context::close, this.executor);
		await().atMost(Duration.ofSeconds(5)).until(() -> !gate.isAccepting());
		assertThat(gate.inFlightCount()).isOne();
		assertThat(closed).isNotDone();

		separate.release.countDown();
		CoapResponse response = inFlight.get(15, TimeUnit.SECONDS);
		assertThat(response).isNotNull();
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getResponseText()).isEqualTo("separate");
		assertThat(response.advanced().isConfirmable()).isTrue();
		// well within the shutdown timeout: the acknowledged separate response ended the drain
		closed.get(10, TimeUnit.SECONDS);
		assertPortIsFree(port);
	}

	@Test
	void gracefulShutdownClosesTheSocketWhenTheTimeoutElapses() throws Exception {
		ConfigurableApplicationContext context = run("coap.server.shutdown=graceful",
				"coap.server.shutdown-timeout=300ms");
		int port = localPort(context);
		SlowResource slow = context.getBean(SlowResource.class);
		CompletableFuture<CoapResponse> inFlight = getAsync(port, Duration.ofSeconds(1));
		assertThat(slow.entered.await(5, TimeUnit.SECONDS)).isTrue();

		long start = System.nanoTime();
		context.close();
		Duration closing = Duration.ofNanos(System.nanoTime() - start);
		assertThat(closing).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(10));
		assertPortIsFree(port);
		assertThat(inFlight.get(5, TimeUnit.SECONDS)).as("response to the abandoned exchange").isNull();
	}

	@Test
	void immediateShutdownClosesTheSocketWithoutWaiting() throws Exception {
		ConfigurableApplicationContext context = run("coap.server.shutdown=immediate");
		int port = localPort(context);
		SlowResource slow = context.getBean(SlowResource.class);
		CoapRequestGate gate = context.getBean(CoapRequestGate.class);
		CompletableFuture<CoapResponse> inFlight = getAsync(port, Duration.ofSeconds(1));
		assertThat(slow.entered.await(5, TimeUnit.SECONDS)).isTrue();

		long start = System.nanoTime();
		context.close();
		// a shutdown that waited would be held by the handler for SlowResource.MAX_WAIT
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		assertThat(gate.isAccepting()).isTrue();
		assertPortIsFree(port);
		assertThat(inFlight.get(5, TimeUnit.SECONDS)).as("response to the abandoned exchange").isNull();
	}

	private ConfigurableApplicationContext run(String... properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ShutdownTestApplication.class)
			.web(WebApplicationType.NONE)
			.registerShutdownHook(false)
			.properties("coap.server.port=0")
			.properties(properties)
			.run();
		this.contexts.add(context);
		this.slowResources.addAll(context.getBeansOfType(BlockingResource.class).values());
		return context;
	}

	private int localPort(ConfigurableApplicationContext context) {
		Integer port = context.getEnvironment()
			.getProperty(CoapPortInfoApplicationContextInitializer.PORT_PROPERTY, Integer.class);
		assertThat(port).isNotNull().isPositive();
		return port;
	}

	private CompletableFuture<CoapResponse> getAsync(int port, Duration timeout) {
		return getAsync(port, "slow", timeout);
	}

	private CompletableFuture<CoapResponse> getAsync(int port, String path, Duration timeout) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return get(port, path, timeout);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}, this.executor);
	}

	private CoapResponse get(int port, Duration timeout) throws Exception {
		return get(port, "slow", timeout);
	}

	/**
	 * Send a CON GET from a client endpoint of its own.
	 */
	private CoapResponse get(int port, String path, Duration timeout) throws Exception {
		CoapEndpoint endpoint = new CoapEndpoint.Builder()
			.setConfiguration(new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS, SystemConfig.DEFINITIONS))
			.build();
		synchronized (this.clientEndpoints) {
			this.clientEndpoints.add(endpoint);
		}
		CoapClient client = new CoapClient("coap://127.0.0.1:" + port + "/" + path);
		client.setEndpoint(endpoint);
		client.setTimeout(timeout.toMillis());
		try {
			return client.get();
		}
		finally {
			client.shutdown();
		}
	}

	private static void assertPortIsFree(int port) throws IOException {
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(port))) {
			assertThat(socket.getLocalPort()).isEqualTo(port);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ShutdownTestApplication {

		@Bean(destroyMethod = "shutdown")
		SlowResource slowResource() {
			return new SlowResource();
		}

		@Bean(destroyMethod = "shutdown")
		SeparateResource separateResource() {
			return new SeparateResource();
		}

	}

	/**
	 * A resource whose GET is answered only once released, on an executor of its own so that Californium's
	 * protocol threads stay free.
	 */
	abstract static class BlockingResource extends CoapResource {

		static final Duration MAX_WAIT = Duration.ofSeconds(30);

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger requests = new AtomicInteger();

		final ExecutorService handlers = Executors.newSingleThreadExecutor();

		BlockingResource(String name) {
			super(name);
		}

		boolean awaitRelease() {
			try {
				return this.release.await(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		void shutdown() {
			this.release.countDown();
			this.handlers.shutdown();
		}

	}

	/**
	 * Blocks its handler thread until released, then answers with a piggybacked response.
	 */
	static class SlowResource extends BlockingResource {

		SlowResource() {
			super("slow");
		}

		@Override
		public Executor getExecutor() {
			return this.handlers;
		}

		@Override
		public void handleGET(CoapExchange exchange) {
			this.requests.incrementAndGet();
			this.entered.countDown();
			if (awaitRelease()) {
				exchange.respond(ResponseCode.CONTENT, "done");
			}
		}

	}

	/**
	 * Acknowledges at once and answers with a separate response once released.
	 */
	static class SeparateResource extends BlockingResource {

		private volatile boolean accepted;

		SeparateResource() {
			super("separate");
		}

		boolean accepted() {
			return this.accepted;
		}

		@Override
		public void handleGET(CoapExchange exchange) {
			this.requests.incrementAndGet();
			exchange.accept();
			this.accepted = true;
			this.entered.countDown();
			this.handlers.execute(() -> {
				if (awaitRelease()) {
					exchange.respond(ResponseCode.CONTENT, "separate");
				}
			});
		}

	}

}
