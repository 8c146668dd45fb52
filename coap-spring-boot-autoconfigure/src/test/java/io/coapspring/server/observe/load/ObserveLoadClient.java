package io.coapspring.server.observe.load;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * The observers of {@link ObserveLoadMeasurement}, in a JVM of their own so that the server's heap holds only the
 * server's state: registers the given number of observations of {@code /load}, spread over several client
 * endpoints (each a UDP socket, so that no single peer runs out of message IDs), and reports on standard output.
 * It reads commands on standard input: {@code reset} clears the counters, {@code report} prints
 * {@code received LAG-P50 LAG-P99 LAG-MAX} (lags in microseconds, from the server's time stamp in each
 * notification; both JVMs read the same monotonic clock on Linux), {@code quit} ends it.
 */
public final class ObserveLoadClient {

	private static final int MAX_LAG_SAMPLES = 2_000_000;

	private final LongAdder received = new LongAdder();

	private final long[] lags = new long[MAX_LAG_SAMPLES];

	private final AtomicInteger lagCount = new AtomicInteger();

	private ObserveLoadClient() {
	}

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		int observers = Integer.parseInt(args[1]);
		int endpointCount = Integer.parseInt(args[2]);
		new ObserveLoadClient().run(port, observers, endpointCount);
	}

	private void run(int port, int observers, int endpointCount) throws Exception {
		List<CoapEndpoint> endpoints = new ArrayList<>();
		for (int i = 0; i < endpointCount; i++) {
			Configuration configuration = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
					SystemConfig.DEFINITIONS);
			configuration.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 1);
			configuration.set(CoapConfig.MAX_ACTIVE_PEERS, 10);
			CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(configuration)
				.setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0))
				.build();
			endpoint.addNotificationListener((request, response) -> receive(response));
			endpoint.start();
			endpoints.add(endpoint);
		}
		AtomicInteger registered = new AtomicInteger();
		for (int i = 0; i < observers; i++) {
			Request request = new Request(Code.GET, Type.NON);
			request.setURI("coap://127.0.0.1:" + port + "/load");
			request.setObserve();
			request.addMessageObserver(new MessageObserverAdapter() {

				@Override
				public void onResponse(Response response) {
					if (response.getOptions().hasObserve()) {
						registered.incrementAndGet();
					}
				}

			});
			endpoints.get(i % endpointCount).sendRequest(request);
			if (i % 200 == 199) {
				// pace the registrations a little: a burst of thousands of datagrams overflows socket buffers
				TimeUnit.MILLISECONDS.sleep(20);
			}
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (registered.get() < observers && System.nanoTime() < deadline) {
			TimeUnit.MILLISECONDS.sleep(50);
		}
		System.out.println("registered " + registered.get());
		BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String command;
		while ((command = input.readLine()) != null) {
			switch (command.trim()) {
				case "reset" -> {
					this.received.reset();
					this.lagCount.set(0);
					System.out.println("ok");
				}
				case "report" -> System.out.println(report());
				case "quit" -> {
					endpoints.forEach(CoapEndpoint::destroy);
					System.out.println("bye");
					return;
				}
				default -> System.out.println("unknown " + command);
			}
		}
	}

	private void receive(Response response) {
		this.received.increment();
		String payload = response.getPayloadString();
		int colon = payload.indexOf(':');
		if (colon > 0) {
			long lag = System.nanoTime() - Long.parseLong(payload.substring(colon + 1));
			int index = this.lagCount.getAndIncrement();
			if (index < MAX_LAG_SAMPLES) {
				this.lags[index] = lag;
			}
		}
	}

	private String report() {
		int count = Math.min(this.lagCount.get(), MAX_LAG_SAMPLES);
		long[] sorted = Arrays.copyOf(this.lags, count);
		Arrays.sort(sorted);
		return "received " + this.received.sum() + " " + micros(sorted, 0.50) + " " + micros(sorted, 0.99) + " "
				+ micros(sorted, 1.0);
	}

	private static long micros(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return -1;
		}
		int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
		return TimeUnit.NANOSECONDS.toMicros(sorted[Math.max(0, index)]);
	}

}
