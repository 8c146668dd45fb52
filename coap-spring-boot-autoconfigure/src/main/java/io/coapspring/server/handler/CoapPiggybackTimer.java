package io.coapspring.server.handler;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.Exchange;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.util.Assert;

/**
 * Sends the empty ACK of a CON request whose handler has not answered within the piggyback time
 * ({@code coap.network.piggyback-reply}), so the client stops retransmitting and the response follows as a
 * separate CON message, retransmitted by Californium until acknowledged (RFC 7252 section 5.2.2).
 * <p>
 * Whichever comes first wins: a response sent before the timer fires is piggybacked on the ACK, a response
 * sent after it is separate; Californium acknowledges a request once only.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapPiggybackTimer implements DisposableBean {

	private final long delayNanos;

	private final ScheduledThreadPoolExecutor scheduler;

	/**
	 * Create a timer.
	 * @param piggybackReply how long a handler may take before the empty ACK is sent; zero to send it at once
	 */
	public CoapPiggybackTimer(Duration piggybackReply) {
		Assert.notNull(piggybackReply, "'piggybackReply' must not be null");
		Assert.isTrue(!piggybackReply.isNegative(), "'piggybackReply' must not be negative");
		this.delayNanos = piggybackReply.toNanos();
		this.scheduler = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "coap-piggyback-timer");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Start the timer of an exchange.
	 * @param exchange the exchange of a request about to be handled
	 * @return a handle to cancel once the response is sent, or {@code null} if no empty ACK will be needed
	 */
	public @Nullable ScheduledFuture<?> start(Exchange exchange) {
		Request current = exchange.getCurrentRequest();
		if (!current.isConfirmable() || current.isAcknowledged() || current.isMulticast()) {
			return null;
		}
		if (this.delayNanos == 0) {
			exchange.sendAccept();
			return null;
		}
		Runnable accept = exchange::sendAccept;
		return this.scheduler.schedule(accept, this.delayNanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
