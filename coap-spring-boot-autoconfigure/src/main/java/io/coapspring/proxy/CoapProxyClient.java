package io.coapspring.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.coapspring.client.CoapClientEndpoints;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Forwards requests to {@code coap://} destinations from client endpoints of its own, so that the proxy's
 * traffic does not share sockets (and message IDs and tokens) with the application's {@code CoapTemplate}.
 * The request is rebuilt with Uri-Host, Uri-Path and Uri-Query from the target and the forwarded options and
 * payload as they are; Californium's block-wise layer sends and assembles large bodies.
 * <p>
 * A destination that does not answer within the timeout, or whose CON request runs out of retransmissions,
 * is answered with 5.04 Gateway Timeout; a reset, a failure to send or a response that cannot be assembled
 * with 5.02 Bad Gateway.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapProxyClient implements ProxyClient, AutoCloseable {

	private static final Log logger = LogFactory.getLog(CoapProxyClient.class);

	private final CoapClientEndpoints endpoints;

	private final Duration timeout;

	private final Set<CompletableFuture<ProxyResponse>> inFlight = ConcurrentHashMap.newKeySet();

	/**
	 * Create a client.
	 * @param endpoints the endpoints requests leave from, owned by this client and closed with it
	 * @param timeout how long to wait for a response, retransmissions and block-wise transfers included
	 */
	public CoapProxyClient(CoapClientEndpoints endpoints, Duration timeout) {
		Assert.notNull(endpoints, "'endpoints' must not be null");
		Assert.notNull(timeout, "'timeout' must not be null");
		Assert.isTrue(!timeout.isNegative() && !timeout.isZero(), "'timeout' must be positive");
		this.endpoints = endpoints;
		this.timeout = timeout;
	}

	@Override
	public Set<String> getSchemes() {
		return Set.of("coap");
	}

	@Override
	public CompletableFuture<ProxyResponse> send(ProxyRequest request, @Nullable InetAddress destination) {
		ProxyTarget target = request.target();
		InetAddress address;
		try {
			address = (destination != null) ? destination : InetAddress.getByName(target.host());
		}
		catch (UnknownHostException ex) {
			return CompletableFuture.completedFuture(
					ProxyResponse.of(ResponseCode.BAD_GATEWAY, "Cannot resolve host '" + target.host() + "'"));
		}
		Request outgoing = new Request(request.method(), request.confirmable() ? Type.CON : Type.NON);
		outgoing.setDestinationContext(new AddressEndpointContext(new InetSocketAddress(address, target.port())));
		OptionSet options = outgoing.getOptions();
		if (!target.isAddressLiteral()) {
			options.setUriHost(target.host());
		}
		target.path().forEach(options::addUriPath);
		target.query().forEach(options::addUriQuery);
		for (Option option : request.options()) {
			options.addOption(option);
		}
		if (request.payload().length > 0) {
			outgoing.setPayload(request.payload());
		}
		return new Execution(outgoing, request.describe()).start();
	}

	/**
	 * Close the endpoints; requests still in flight are answered with 5.03 Service Unavailable.
	 */
	@Override
	public void close() {
		for (CompletableFuture<ProxyResponse> response : Set.copyOf(this.inFlight)) {
			response.complete(ProxyResponse.of(ResponseCode.SERVICE_UNAVAILABLE, "The proxy is shutting down"));
		}
		this.endpoints.close();
	}

	/**
	 * One forwarded request: completes its future once, with the response or the proxy's error.
	 */
	private final class Execution extends MessageObserverAdapter {

		private final CompletableFuture<ProxyResponse> future = new CompletableFuture<>();

		private final Request request;

		private final String description;

		private volatile boolean responded;

		Execution(Request request, String description) {
			this.request = request;
			this.description = description;
		}

		CompletableFuture<ProxyResponse> start() {
			CoapProxyClient.this.inFlight.add(this.future);
			this.future.whenComplete((response, ex) -> CoapProxyClient.this.inFlight.remove(this.future));
			Endpoint endpoint;
			ScheduledFuture<?> timer;
			try {
				InetSocketAddress destination = this.request.getDestinationContext().getPeerAddress();
				endpoint = CoapProxyClient.this.endpoints.getEndpoint(destination.getAddress(), 0);
				timer = CoapProxyClient.this.endpoints.getScheduler()
					.schedule(this::timeout, CoapProxyClient.this.timeout.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (RuntimeException ex) {
				fail(ResponseCode.BAD_GATEWAY, "Could not send " + this.description + ": " + ex.getMessage());
				return this.future;
			}
			this.future.whenComplete((response, ex) -> {
				timer.cancel(false);
				if (!this.responded) {
					// stops retransmissions and block-wise transfers of a request given up
					this.request.cancel();
				}
			});
			this.request.addMessageObserver(this);
			try {
				endpoint.sendRequest(this.request);
			}
			catch (RuntimeException ex) {
				fail(ResponseCode.BAD_GATEWAY, "Could not send " + this.description + ": " + ex.getMessage());
			}
			return this.future;
		}

		private void timeout() {
			fail(ResponseCode.GATEWAY_TIMEOUT, "No response to " + this.description + " within "
					+ CoapProxyClient.this.timeout.toMillis() + " ms");
		}

		private void fail(ResponseCode code, String diagnostic) {
			if (this.future.complete(ProxyResponse.of(code, diagnostic)) && logger.isDebugEnabled()) {
				logger.debug("Proxy answers " + code + ": " + diagnostic);
			}
		}

		@Override
		public void onResponse(Response response) {
			this.responded = true;
			this.future.complete(ProxyResponse.from(response));
		}

		@Override
		public void onReject() {
			fail(ResponseCode.BAD_GATEWAY, this.description + " was rejected with RST");
		}

		@Override
		public void onTimeout() {
			fail(ResponseCode.GATEWAY_TIMEOUT, "No acknowledgement of " + this.description
					+ " after the last retransmission");
		}

		@Override
		public void onSendError(Throwable error) {
			fail(ResponseCode.BAD_GATEWAY, "Could not send " + this.description + ": " + error.getMessage());
		}

		@Override
		public void onResponseHandlingError(Throwable cause) {
			fail(ResponseCode.BAD_GATEWAY, "Could not receive the response to " + this.description + ": "
					+ cause.getMessage());
		}

	}

}
