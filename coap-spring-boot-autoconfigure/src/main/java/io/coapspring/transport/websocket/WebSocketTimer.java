package io.coapspring.transport.websocket;

import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.coapspring.transport.tcp.ConnectionKeepAlive;

/**
 * The timer thread of a WebSocket connector, on both sides: pings and closes the idle connections (as often as
 * a quarter of the shorter of the ping interval and the idle timeout), aborts connections whose CSM is late,
 * and reports messages as sent.
 *
 * @author CoAP Spring Boot team
 */
final class WebSocketTimer {

	private WebSocketTimer() {
	}

	/**
	 * Start a timer thread.
	 * @param name the name of the thread
	 * @param signaling the settings
	 * @param connections the connections open now
	 * @return the timer, to shut down with the connector
	 */
	static ScheduledExecutorService start(String name, WebSocketSignaling signaling,
			Supplier<Collection<? extends WebSocketConnection>> connections) {
		ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
		long period = ConnectionKeepAlive.checkPeriod(signaling.pingInterval(), signaling.idleTimeout()).toMillis();
		if (period > 0) {
			timer.scheduleWithFixedDelay(() -> {
				long now = System.nanoTime();
				for (WebSocketConnection connection : connections.get()) {
					connection.keepAlive(now);
				}
			}, period, period, TimeUnit.MILLISECONDS);
		}
		return timer;
	}

	/**
	 * Abort a connection if its CSM has not arrived within the CSM timeout.
	 * @param timer the timer
	 * @param signaling the settings
	 * @param connection the new connection
	 */
	static void checkCsmLater(ScheduledExecutorService timer, WebSocketSignaling signaling,
			WebSocketConnection connection) {
		timer.schedule(connection::checkCsm, signaling.csmTimeout().toMillis(), TimeUnit.MILLISECONDS);
	}

}
