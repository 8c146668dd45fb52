package io.coapspring.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.network.Exchange.Origin;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapRequestGate}, on in-memory exchanges.
 *
 * @author CoAP Spring Boot team
 */
class CoapRequestGateTests {

	private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 5683);

	private int messageId;

	private final CoapRequestGate gate = new CoapRequestGate();

	@Test
	void exchangeIsInFlightUntilItsResponseIsSettled() {
		List<Exchange> exchanges = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			Exchange exchange = exchange();
			this.gate.admitted(exchange);
			exchanges.add(exchange);
		}
		assertThat(this.gate.inFlightCount()).isEqualTo(10);
		for (int i = 0; i < 10; i += 2) {
			settle(exchanges.get(i));
		}
		assertThat(this.gate.inFlightCount()).isEqualTo(5);
		// a CON response (a separate one) is settled once acknowledged, not once sent
		Response separate = new Response(ResponseCode.CONTENT);
		separate.setType(Type.CON);
		separate.setSent(true);
		exchanges.get(1).setCurrentResponse(separate);
		assertThat(this.gate.inFlightCount()).isEqualTo(5);
		separate.setAcknowledged(true);
		assertThat(this.gate.inFlightCount()).isEqualTo(4);
	}

	@Test
	void slowExchangeAtTheHeadDoesNotKeepTheSettledOnesBehindIt() {
		Exchange slow = exchange();
		this.gate.admitted(slow);
		for (int i = 0; i < 100_000; i++) {
			Exchange exchange = exchange();
			this.gate.admitted(exchange);
			settle(exchange);
		}
		assertThat(this.gate.inFlightCount()).isEqualTo(1);
		settle(slow);
		assertThat(this.gate.inFlightCount()).isZero();
	}

	@Test
	void awaitInFlightWaitsForTheLastResponse() throws InterruptedException {
		Exchange exchange = exchange();
		this.gate.admitted(exchange);
		assertThat(this.gate.awaitInFlight(Duration.ofMillis(50))).isFalse();
		CompletableFuture.runAsync(() -> settle(exchange),
				CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
		assertThat(this.gate.awaitInFlight(Duration.ofSeconds(10))).isTrue();
		assertThat(this.gate.inFlightCount()).isZero();
	}

	@Test
	void closedGateCountsRefusedRequests() {
		this.gate.stopAccepting();
		assertThat(this.gate.isAccepting()).isFalse();
		this.gate.refused(exchange());
		this.gate.refused(exchange());
		assertThat(this.gate.refusedCount()).isEqualTo(2);
		this.gate.startAccepting();
		assertThat(this.gate.isAccepting()).isTrue();
	}

	private Exchange exchange() {
		Request request = Request.newGet();
		request.setMID(this.messageId++ & 0xFFFF);
		request.setSourceContext(new AddressEndpointContext(PEER));
		return new Exchange(request, PEER, Origin.REMOTE, null);
	}

	private static void settle(Exchange exchange) {
		Response response = new Response(ResponseCode.CONTENT);
		response.setType(Type.ACK);
		response.setSent(true);
		exchange.setCurrentResponse(response);
	}

}
