package io.coapspring.server;

import java.net.InetSocketAddress;
import java.time.Duration;

import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.Exchange.Origin;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link CoapPiggybackTimer}, on in-memory exchanges. Without an endpoint, sending the empty ACK
 * marks the request acknowledged and then fails, which also shows that one failing exchange does not stop the
 * timers of the others.
 *
 * @author CoAP Spring Boot team
 */
class CoapPiggybackTimerTests {

	private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 5683);

	private final CoapPiggybackTimer timer = new CoapPiggybackTimer(Duration.ofMillis(20));

	private int messageId;

	@AfterEach
	void destroy() {
		this.timer.destroy();
	}

	@Test
	void expiredTimersAcknowledgeTheirRequests() {
		Exchange first = exchange(Type.CON);
		Exchange second = exchange(Type.CON);
		assertThat(this.timer.start(first)).isNotNull();
		assertThat(this.timer.start(second)).isNotNull();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> first.getCurrentRequest().isAcknowledged() && second.getCurrentRequest().isAcknowledged());
		await().atMost(Duration.ofSeconds(10)).until(() -> this.timer.pendingCount() == 0);
	}

	@Test
	void cancelledTimersNeverAcknowledge() {
		Exchange cancelled = exchange(Type.CON);
		Exchange expiring = exchange(Type.CON);
		CoapPiggybackTimer.PendingAck ack = this.timer.start(cancelled);
		assertThat(ack).isNotNull();
		ack.cancel();
		assertThat(ack.isCancelled()).isTrue();
		this.timer.start(expiring);
		// started later with the same delay: once it has fired, the cancelled one was swept
		await().atMost(Duration.ofSeconds(10)).until(() -> expiring.getCurrentRequest().isAcknowledged());
		await().atMost(Duration.ofSeconds(10)).until(() -> this.timer.pendingCount() == 0);
		assertThat(cancelled.getCurrentRequest().isAcknowledged()).isFalse();
	}

	@Test
	void timersRestartAfterTheQueueRanEmpty() {
		for (int round = 0; round < 3; round++) {
			Exchange exchange = exchange(Type.CON);
			this.timer.start(exchange);
			await().atMost(Duration.ofSeconds(10)).until(() -> exchange.getCurrentRequest().isAcknowledged());
			await().atMost(Duration.ofSeconds(10)).until(() -> this.timer.pendingCount() == 0);
		}
	}

	@Test
	void requestsThatNeedNoEmptyAckGetNoTimer() {
		assertThat(this.timer.start(exchange(Type.NON))).isNull();
		Exchange acknowledged = exchange(Type.CON);
		acknowledged.getCurrentRequest().setAcknowledged(true);
		assertThat(this.timer.start(acknowledged)).isNull();
		assertThat(this.timer.pendingCount()).isZero();
	}

	private Exchange exchange(Type type) {
		Request request = Request.newGet();
		request.setType(type);
		request.setMID(this.messageId++);
		request.setSourceContext(new AddressEndpointContext(PEER));
		return new Exchange(request, PEER, Origin.REMOTE, null);
	}

}
