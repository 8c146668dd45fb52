package io.coapspring.server.handler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.coapspring.server.CoapRequestGate;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Piggybacked and separate responses, NON requests and the handler threads, over UDP.
 */
class SeparateResponsesEndToEndTests extends AbstractEndToEndTests {

	@Autowired
	ReturnsController returns;

	@Autowired
	CoapRequestGate gate;

	@Test
	void fastHandlerIsPiggybackedOnTheAck() {
		// the first requests of a context load classes and create meters, and a loaded machine can hold any
		// handler past the 50 ms piggyback delay: one of a few fast requests must be piggybacked
		List<Type> types = new ArrayList<>();
		for (int attempt = 0; attempt < 5 && !types.contains(Type.ACK); attempt++) {
			types.add(this.client.get("/returns/string").advanced().getType());
		}
		assertThat(types).contains(Type.ACK);
	}

	@Test
	void slowHandlerGetsAnEmptyAckAtOnceAndASeparateConfirmableResponse() {
		long start = System.nanoTime();
		AtomicLong acknowledged = new AtomicLong();
		Request request = this.client.request(Code.GET, "/returns/slow");
		request.addMessageObserver(new MessageObserverAdapter() {

			@Override
			public void onAcknowledgement() {
				acknowledged.set(System.nanoTime());
			}

		});
		CoapResponse response = this.client.send(request);
		long responded = System.nanoTime();
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getResponseText()).isEqualTo("slow");
		assertThat(response.advanced().getType()).isEqualTo(Type.CON);
		assertThat(acknowledged.get()).isNotZero();
		assertThat(Duration.ofNanos(acknowledged.get() - start)).isLessThan(Duration.ofMillis(300));
		assertThat(acknowledged.get()).isLessThan(responded);
	}

	@Test
	void acknowledgedSeparateResponseIsNoLongerInFlight() {
		// Earlier tests may leave separate responses in flight: their client was destroyed before it
		// acknowledged them, so the server retransmits until it gives up. Only this exchange is counted.
		int before = this.gate.inFlightCount();
		assertThat(this.client.get("/returns/slow").getResponseText()).isEqualTo("slow");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.gate.inFlightCount() <= before);
	}

	@Test
	void nonRequestIsAnsweredNon() {
		Request request = this.client.request(Code.GET, "/returns/string");
		request.setType(Type.NON);
		CoapResponse response = this.client.send(request);
		assertThat(response.getResponseText()).isEqualTo("hello");
		assertThat(response.advanced().getType()).isEqualTo(Type.NON);
	}

	@Test
	void slowNonRequestIsAnsweredNon() {
		Request request = this.client.request(Code.GET, "/returns/slow");
		request.setType(Type.NON);
		CoapResponse response = this.client.send(request);
		assertThat(response.getResponseText()).isEqualTo("slow");
		assertThat(response.advanced().getType()).isEqualTo(Type.NON);
	}

	@Test
	void handlersRunOnTheHandlerExecutor() {
		assertThat(this.client.get("/returns/thread").getResponseText()).startsWith("coap-handler-");
	}

	@Test
	void slowHandlerDoesNotDelayOtherRequests() {
		this.returns.closeGate();
		try (CoapTestClient other = CoapTestClient.ipv4(this.port)) {
			CompletableFuture<CoapResponse> blocked = CompletableFuture.supplyAsync(() -> other.get("/returns/blocked"));
			await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
				long start = System.nanoTime();
				assertThat(this.client.get("/returns/string").getResponseText()).isEqualTo("hello");
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
			});
			assertThat(blocked).isNotDone();
			this.returns.openGate();
			CoapResponse released = blocked.join();
			assertThat(released.getResponseText()).isEqualTo("released");
			assertThat(released.advanced().getType()).isEqualTo(Type.CON);
		}
		finally {
			this.returns.openGate();
		}
	}

}
