package io.coapspring.proxy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.coapspring.server.CoapPiggybackTimer.PendingAck;
import io.coapspring.server.CoapPiggybackTimer;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.Exchange;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The Californium resource that every proxy request is routed to: it reads the request on the protocol
 * thread (answering a malformed one at once), starts the piggyback timer and forwards it on the handler
 * executor, so that name look-ups and HTTP calls never block a protocol thread. The response is sent when the
 * destination's answer, or the proxy's own, is complete.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapProxyResource extends CoapResource {

	private static final long BUSY_RETRY_SECONDS = 2;

	private final ProxyRequestReader reader = new ProxyRequestReader();

	private final CoapForwardProxy proxy;

	private final Executor executor;

	private final CoapPiggybackTimer piggybackTimer;

	/**
	 * Create the resource.
	 * @param proxy the proxy that forwards the requests
	 * @param executor runs the forwarding off the protocol threads
	 * @param piggybackTimer sends the empty ACK of CON requests whose answer takes longer than the piggyback
	 * delay
	 */
	public CoapProxyResource(CoapForwardProxy proxy, Executor executor, CoapPiggybackTimer piggybackTimer) {
		super("proxy", false);
		Assert.notNull(proxy, "'proxy' must not be null");
		Assert.notNull(executor, "'executor' must not be null");
		Assert.notNull(piggybackTimer, "'piggybackTimer' must not be null");
		this.proxy = proxy;
		this.executor = executor;
		this.piggybackTimer = piggybackTimer;
		setVisible(false);
		setObservable(false);
	}

	@Override
	public void handleRequest(Exchange exchange) {
		ProxyRequest request;
		try {
			request = this.reader.read(exchange.getRequest());
		}
		catch (InvalidProxyRequestException ex) {
			exchange.sendResponse(ProxyResponse.of(ex.getCode(), String.valueOf(ex.getMessage())).toResponse());
			return;
		}
		catch (IllegalArgumentException ex) {
			exchange.sendResponse(ProxyResponse.of(ResponseCode.BAD_REQUEST, "Malformed proxy request: "
					+ ex.getMessage()).toResponse());
			return;
		}
		PendingAck timer = this.piggybackTimer.start(exchange);
		try {
			this.executor.execute(() -> forward(exchange, request, timer));
		}
		catch (RejectedExecutionException ex) {
			ProxyResponse busy = ProxyResponse.of(ResponseCode.SERVICE_UNAVAILABLE, "Proxy busy, retry later");
			busy.options().setMaxAge(BUSY_RETRY_SECONDS);
			send(exchange, timer, busy);
		}
	}

	private void forward(Exchange exchange, ProxyRequest request, @Nullable PendingAck timer) {
		CompletableFuture<ProxyResponse> response;
		try {
			response = this.proxy.forward(request);
		}
		catch (RuntimeException ex) {
			response = CompletableFuture.completedFuture(
					ProxyResponse.of(ResponseCode.BAD_GATEWAY, "Forwarding failed: " + ex.getMessage()));
		}
		response.whenComplete((result, ex) -> send(exchange, timer, (result != null) ? result
				: ProxyResponse.of(ResponseCode.BAD_GATEWAY, "Forwarding failed: " + ex)));
	}

	private static void send(Exchange exchange, @Nullable PendingAck timer, ProxyResponse response) {
		if (timer != null) {
			timer.cancel();
		}
		exchange.sendResponse(response.toResponse());
	}

}
