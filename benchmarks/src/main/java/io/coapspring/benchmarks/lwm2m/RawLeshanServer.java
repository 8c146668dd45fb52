package io.coapspring.benchmarks.lwm2m;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.leshan.core.endpoint.Protocol;
import org.eclipse.leshan.core.model.ObjectLoader;
import org.eclipse.leshan.core.request.ContentFormat;
import org.eclipse.leshan.core.request.ReadRequest;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.LeshanServerBuilder;
import org.eclipse.leshan.server.californium.endpoint.CaliforniumServerEndpointsProvider;
import org.eclipse.leshan.server.californium.endpoint.coap.CoapServerProtocolProvider;
import org.eclipse.leshan.server.model.VersionedModelProvider;
import org.eclipse.leshan.server.queue.StaticClientAwakeTimeProvider;
import org.eclipse.leshan.server.registration.InMemoryRegistrationStore;
import org.eclipse.leshan.server.registration.Registration;
import org.eclipse.leshan.server.security.InMemorySecurityStore;

/**
 * Raw Eclipse Leshan with the starter's default settings, built by hand: Californium's default configuration for
 * Leshan's CoAP protocol provider, Leshan's default object models, an in-memory registration and security store,
 * Leshan's default authorizer and decoder, queue mode with a 93-second awake time. Reads go straight to
 * {@link LeshanServer#send}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
final class RawLeshanServer implements Lwm2mBenchServer {

	private static final long TIMEOUT_MILLIS = 5_000;

	private final LeshanServer server;

	private final InetSocketAddress address;

	private RawLeshanServer(LeshanServer server) {
		this.server = server;
		int port = server.getEndpoint(Protocol.COAP).getURI().getPort();
		this.address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
	}

	/**
	 * Build and start the server on a free loopback port.
	 * @return the started server
	 */
	static RawLeshanServer start() {
		CoapServerProtocolProvider coap = new CoapServerProtocolProvider();
		CaliforniumServerEndpointsProvider.Builder endpoints = new CaliforniumServerEndpointsProvider.Builder(coap);
		Configuration configuration = endpoints.createDefaultConfiguration();
		coap.applyDefaultValue(configuration);
		endpoints.setConfiguration(configuration);
		endpoints.addEndpoint(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), Protocol.COAP);
		LeshanServerBuilder builder = new LeshanServerBuilder();
		builder.setEndpointsProviders(endpoints.build());
		builder.setObjectModelProvider(new VersionedModelProvider(ObjectLoader.loadAllDefault()));
		builder.setRegistrationStore(new InMemoryRegistrationStore());
		builder.setSecurityStore(new InMemorySecurityStore());
		builder.setClientAwakeTimeProvider(new StaticClientAwakeTimeProvider(93_000));
		LeshanServer server = builder.build();
		server.start();
		return new RawLeshanServer(server);
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
		CompletableFuture<Object> result = new CompletableFuture<>();
		Registration registration = this.server.getRegistrationService().getByEndpoint(endpoint);
		if (registration == null) {
			result.completeExceptionally(new IllegalStateException(endpoint + " is not registered"));
			return result;
		}
		this.server.send(registration, new ReadRequest(ContentFormat.TLV, 3, 0, 0), TIMEOUT_MILLIS, (response) -> {
			if (response.isSuccess() && response.getContent() != null) {
				result.complete(response.getContent());
			}
			else {
				result.completeExceptionally(new IllegalStateException("read answered " + response.getCode()));
			}
		}, result::completeExceptionally);
		return result;
	}

	@Override
	public void close() {
		this.server.destroy();
	}

}
