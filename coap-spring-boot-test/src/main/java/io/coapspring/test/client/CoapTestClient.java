package io.coapspring.test.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Supplier;

import io.coapspring.convert.CoapMessageConverters;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.util.DaemonThreadFactory;
import org.eclipse.californium.elements.util.ExecutorsUtil;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A CoAP client for tests of an application's CoAP server, with fluent expectations, in the spirit of
 * {@code RestTestClient}:
 *
 * <pre class="code">
 * client.get("/sensors/{id}", 7).accept(MediaTypeRegistry.APPLICATION_JSON).exchange()
 *     .expectCode(ResponseCode.CONTENT)
 *     .expectPayloadSatisfies(Reading.class, (reading) -&gt; assertThat(reading.celsius()).isEqualTo(21.5));
 *
 * try (CoapTestObservation observation = client.get("/sensors/7").observe()) {
 *     sensors.update(7, 22.0);
 *     observation.awaitNotifications(2).get(1).expectPayload("{\"celsius\":22.0}");
 * }
 * </pre>
 *
 * The auto-configured client ({@code @CoapTest}, or {@code @AutoConfigureCoapTestClient} on a
 * {@code @SpringBootTest}) sends to the application's server on its bound port ({@code local.coap.port}, so a
 * random port works), from an endpoint of its own bound to a free port on the loopback address, with the
 * application's Californium configuration, custom options and payload converters. Relative paths may contain
 * {@code {variables}}, expanded in order and encoded, and a query. {@link #close()} releases the endpoint.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapTestClient implements AutoCloseable {

	/**
	 * How long a request waits for its response, and an observation for notifications, by default.
	 */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private final Supplier<InetSocketAddress> server;

	private final Configuration configuration;

	private final @Nullable OptionRegistry optionRegistry;

	private final CoapMessageConverters converters;

	private final Duration timeout;

	private @Nullable CoapEndpoint endpoint;

	private @Nullable ExecutorService executor;

	private @Nullable ScheduledThreadPoolExecutor scheduler;

	private boolean closed;

	/**
	 * Create a client.
	 * @param server supplies the address of the server, asked at each request (its port may only be known once
	 * the server started)
	 * @param configuration the Californium configuration of the client's endpoint
	 * @param optionRegistry the options the client's endpoint understands, {@code null} for the standard ones
	 * @param converters the converters of payloads
	 * @param timeout how long to wait for a response or a notification
	 */
	public CoapTestClient(Supplier<InetSocketAddress> server, Configuration configuration,
			@Nullable OptionRegistry optionRegistry, CoapMessageConverters converters, Duration timeout) {
		Assert.notNull(server, "'server' must not be null");
		Assert.notNull(configuration, "'configuration' must not be null");
		Assert.notNull(converters, "'converters' must not be null");
		Assert.isTrue(timeout != null && !timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
		this.server = server;
		this.configuration = configuration;
		this.optionRegistry = optionRegistry;
		this.converters = converters;
		this.timeout = timeout;
	}

	/**
	 * Prepare a GET request.
	 * @param path the path, with a leading {@code /}, optionally with {@code {variables}} and a query
	 * @param uriVariables the values of the variables, in order
	 * @return the request, to complete and send
	 */
	public CoapTestRequest get(String path, Object... uriVariables) {
		return method(Code.GET, path, uriVariables);
	}

	/**
	 * Prepare a POST request.
	 * @param path the path
	 * @param uriVariables the values of the variables, in order
	 * @return the request, to complete and send
	 */
	public CoapTestRequest post(String path, Object... uriVariables) {
		return method(Code.POST, path, uriVariables);
	}

	/**
	 * Prepare a PUT request.
	 * @param path the path
	 * @param uriVariables the values of the variables, in order
	 * @return the request, to complete and send
	 */
	public CoapTestRequest put(String path, Object... uriVariables) {
		return method(Code.PUT, path, uriVariables);
	}

	/**
	 * Prepare a DELETE request.
	 * @param path the path
	 * @param uriVariables the values of the variables, in order
	 * @return the request, to complete and send
	 */
	public CoapTestRequest delete(String path, Object... uriVariables) {
		return method(Code.DELETE, path, uriVariables);
	}

	/**
	 * Prepare a FETCH request (RFC 8132).
	 * @param path the path
	 * @param uriVariables the values of the variables, in order
	 * @return the request, to complete and send
	 */
	public CoapTestRequest fetch(String path, Object... uriVariables) {
		return method(Code.FETCH, path, uriVariables);
	}

	/**
	 * Prepare a PATCH request (RFC 8132).
	 * @param path the path
	 * @param uriVariables the values of the variables, in order
	 * @return the request, to complete and send
	 */
	public CoapTestRequest patch(String path, Object... uriVariables) {
		return method(Code.PATCH, path, uriVariables);
	}

	/**
	 * Prepare an iPATCH request (RFC 8132).
	 * @param path the path
	 * @param uriVariables the values of the variables, in order
	 * @return the request, to complete and send
	 */
	public CoapTestRequest iPatch(String path, Object... uriVariables) {
		return method(Code.IPATCH, path, uriVariables);
	}

	/**
	 * Prepare a request with any method.
	 * @param method the method
	 * @param path the path
	 * @param uriVariables the values of the variables, in order
	 * @return the request, to complete and send
	 */
	public CoapTestRequest method(Code method, String path, Object... uriVariables) {
		Assert.notNull(method, "'method' must not be null");
		Assert.isTrue(path != null && path.startsWith("/"), "'path' must start with '/'");
		return new CoapTestRequest(this, method, uri(expand(path, uriVariables)));
	}

	/**
	 * Return the URI of a path on the server.
	 * @param pathAndQuery the path, with a leading {@code /}, optionally followed by a query
	 * @return the absolute URI
	 */
	public String uri(String pathAndQuery) {
		InetSocketAddress address = this.server.get();
		String host = address.getAddress().getHostAddress();
		return "coap://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + pathAndQuery;
	}

	static String expand(String path, Object... uriVariables) {
		StringBuilder expanded = new StringBuilder();
		int next = 0;
		int index = 0;
		while (index < path.length()) {
			int open = path.indexOf('{', index);
			if (open < 0) {
				break;
			}
			int close = path.indexOf('}', open);
			Assert.isTrue(close > open, () -> "Unclosed variable in '" + path + "'");
			Assert.isTrue(next < uriVariables.length,
					() -> "Not enough values for the variables of '" + path + "': " + uriVariables.length);
			expanded.append(path, index, open)
				.append(URLEncoder.encode(String.valueOf(uriVariables[next++]), StandardCharsets.UTF_8)
					.replace("+", "%20"));
			index = close + 1;
		}
		expanded.append(path.substring(index));
		return expanded.toString();
	}

	CoapMessageConverters converters() {
		return this.converters;
	}

	Duration timeout() {
		return this.timeout;
	}

	synchronized CoapEndpoint endpoint() {
		Assert.state(!this.closed, "CoapTestClient is closed");
		if (this.endpoint == null) {
			InetSocketAddress server = this.server.get();
			CoapEndpoint.Builder builder = new CoapEndpoint.Builder().setConfiguration(this.configuration)
				.setInetSocketAddress(new InetSocketAddress(server.getAddress(), 0))
				.setLoggingTag("CoapTestClient");
			if (this.optionRegistry != null) {
				builder.setOptionRegistry(this.optionRegistry);
			}
			CoapEndpoint created = builder.build();
			created.setExecutors(scheduler(), scheduler());
			try {
				created.start();
			}
			catch (IOException ex) {
				created.destroy();
				throw new IllegalStateException("Could not start the endpoint of the CoapTestClient", ex);
			}
			this.endpoint = created;
		}
		return this.endpoint;
	}

	synchronized ExecutorService executor() {
		Assert.state(!this.closed, "CoapTestClient is closed");
		if (this.executor == null) {
			this.executor = Executors.newCachedThreadPool(new DaemonThreadFactory("CoapTestClient(callback)#"));
		}
		return this.executor;
	}

	synchronized ScheduledThreadPoolExecutor scheduler() {
		Assert.state(!this.closed, "CoapTestClient is closed");
		if (this.scheduler == null) {
			this.scheduler = ExecutorsUtil.newDefaultSecondaryScheduler("CoapTestClient#");
		}
		return this.scheduler;
	}

	/**
	 * Destroy the client's endpoint and stop its threads.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (this.endpoint != null) {
			this.endpoint.destroy();
		}
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
		}
	}

}
