package io.coapspring.benchmarks.transport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.benchmarks.harness.Summary;
import io.coapspring.client.CoapTemplate;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.Endpoint;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One starter server with a UDP, a {@code coap+tcp} and a {@code coap+ws} endpoint (the latter on embedded
 * Tomcat), and the application's own {@link CoapTemplate} as client in the same JVM: a closed loop of W
 * requests in flight (GET {@code /hello}, 5 bytes of text; confirmable over UDP), in passes that take turns
 * between the transports, after a warm-up of each. Prints requests/s and p99 latency per transport as the
 * median [min–max] of the passes, and the ratios to UDP.
 * <p>
 * The EXCHANGE_LIFETIME is 1 s instead of 247 s: a UDP client has 65536 message IDs per server, each unusable
 * for an EXCHANGE_LIFETIME after use, so the standard value caps a CON client at about 265 requests/s per
 * server (Californium then fails requests at once with "No MID available"). TCP and WebSockets have no message
 * IDs.
 * <p>
 * Arguments: {@code [W] [passes] [seconds per pass]}, default 16, 5 and 3.
 *
 * @author CoAP Spring Boot team
 */
@SpringBootApplication
public class TransportComparison {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	@CoapController
	static class HelloController {

		@CoapGetMapping("/hello")
		String hello() {
			return "hello";
		}

	}

	public static void main(String[] args) throws Exception {
		int window = (args.length > 0) ? Integer.parseInt(args[0]) : 16;
		int passes = (args.length > 1) ? Integer.parseInt(args[1]) : 5;
		Duration pass = Duration.ofSeconds((args.length > 2) ? Long.parseLong(args[2]) : 3);
		try (ConfigurableApplicationContext context = start()) {
			Map<String, String> uris = uris(context);
			CoapTemplate template = context.getBean(CoapTemplate.class);
			Map<String, List<Double>> throughput = new LinkedHashMap<>();
			Map<String, List<Double>> p99 = new LinkedHashMap<>();
			for (Map.Entry<String, String> uri : uris.entrySet()) {
				Pass warmUp = run(template, uri.getValue(), window, pass);
				System.err.printf("warm-up %s: %s%n", uri.getKey(), warmUp);
				throughput.put(uri.getKey(), new ArrayList<>());
				p99.put(uri.getKey(), new ArrayList<>());
			}
			for (int i = 0; i < passes; i++) {
				for (Map.Entry<String, String> uri : uris.entrySet()) {
					Pass result = run(template, uri.getValue(), window, pass);
					System.err.printf("pass %d %s: %s%n", i + 1, uri.getKey(), result);
					throughput.get(uri.getKey()).add(result.requestsPerSecond());
					p99.get(uri.getKey()).add(result.p99Millis());
				}
			}
			print(window, passes, pass, throughput, p99);
		}
	}

	/**
	 * Start the server, with its UDP, {@code coap+tcp} and {@code coap+ws} endpoints on free loopback ports.
	 * @return the application context
	 */
	static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(TransportComparison.class).web(WebApplicationType.SERVLET)
			.properties("coap.server.address=127.0.0.1", "coap.server.port=0", "coap.server.tcp.enabled=true",
					"coap.server.tcp.port=0", "coap.server.websocket.enabled=true", "server.address=127.0.0.1",
					"server.port=0", "spring.main.banner-mode=off", "logging.level.root=warn",
					"coap.client.timeout=" + REQUEST_TIMEOUT.toSeconds() + "s",
					// the module has the LWM2M starter: no Leshan server (and its fixed port) here
					"coap.lwm2m.server.enabled=false",
					// 65536 message IDs per peer and EXCHANGE_LIFETIME: 247 s would cap UDP at 265 CON/s
					"coap.network.exchange-lifetime=1s")
			.run();
	}

	/**
	 * Return the URI of {@code /hello} over each transport, UDP first.
	 * @param context the started application
	 * @return the URIs by transport name
	 */
	static Map<String, String> uris(ConfigurableApplicationContext context) {
		CoapServer server = context.getBean(CoapServer.class);
		Map<String, String> uris = new LinkedHashMap<>();
		uris.put("udp (CON)", "coap://127.0.0.1:" + port(server, "coap") + "/hello");
		uris.put("coap+tcp", "coap+tcp://127.0.0.1:" + port(server, "coap+tcp") + "/hello");
		uris.put("coap+ws",
				"coap+ws://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/hello");
		return uris;
	}

	private static int port(CoapServer server, String scheme) {
		return server.getEndpoints()
			.stream()
			.filter((endpoint) -> scheme.equals(endpoint.getUri().getScheme()))
			.map(Endpoint::getAddress)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no " + scheme + " endpoint"))
			.getPort();
	}

	/**
	 * Run one pass: W lanes, each sending its next request when the previous one completed, until the pass
	 * time is over.
	 */
	static Pass run(CoapTemplate template, String uri, int window, Duration duration) throws InterruptedException {
		Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(30), 3);
		AtomicLong completed = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		AtomicReference<@Nullable Throwable> firstFailure = new AtomicReference<>();
		CountDownLatch lanes = new CountDownLatch(window);
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		for (int lane = 0; lane < window; lane++) {
			send(template, uri, end, new Counters(recorder, completed, failed, firstFailure), lanes);
		}
		if (!lanes.await(duration.plus(REQUEST_TIMEOUT).plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS)) {
			throw new IllegalStateException("requests to " + uri + " still in flight after the pass");
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Histogram histogram = recorder.getIntervalHistogram();
		return new Pass(completed.get() / seconds, histogram.getValueAtPercentile(99) / 1e6,
				histogram.getValueAtPercentile(50) / 1e6, completed.get(), failed.get(),
				(firstFailure.get() != null) ? String.valueOf(firstFailure.get()) : null);
	}

	private static void send(CoapTemplate template, String uri, long end, Counters counters, CountDownLatch lanes) {
		long sent = System.nanoTime();
		if (sent - end >= 0) {
			lanes.countDown();
			return;
		}
		template.getForObjectAsync(uri, String.class).whenComplete((body, ex) -> {
			if (ex == null && "hello".equals(body)) {
				counters.recorder().recordValue(System.nanoTime() - sent);
				counters.completed().incrementAndGet();
			}
			else {
				counters.failed().incrementAndGet();
				counters.firstFailure().compareAndSet(null, (ex != null) ? ex : new IllegalStateException("body " + body));
			}
			send(template, uri, end, counters, lanes);
		});
	}

	private record Counters(Recorder recorder, AtomicLong completed, AtomicLong failed,
			AtomicReference<@Nullable Throwable> firstFailure) {
	}

	private static void print(int window, int passes, Duration pass, Map<String, List<Double>> throughput,
			Map<String, List<Double>> p99) {
		System.out.printf("W=%d requests in flight, %d passes of %d s per transport (median [min–max])%n%n", window,
				passes, pass.toSeconds());
		System.out.println("| transport | requests/s | p99 ms | requests/s vs UDP | p99 vs UDP |");
		System.out.println("|---|---|---|---|---|");
		Summary udpThroughput = Summary.of(throughput.values().iterator().next());
		Summary udpP99 = Summary.of(p99.values().iterator().next());
		for (String transport : throughput.keySet()) {
			Summary rate = Summary.of(throughput.get(transport));
			Summary latency = Summary.of(p99.get(transport));
			System.out.printf("| %s | %s | %s | %.2f | %.2f |%n", transport, rate.format("%.0f"),
					latency.format("%.2f"), rate.median() / udpThroughput.median(), latency.median() / udpP99.median());
		}
	}

	/**
	 * The outcome of one pass.
	 */
	record Pass(double requestsPerSecond, double p99Millis, double p50Millis, long completed, long failed,
			@Nullable String firstFailure) {

		@Override
		public String toString() {
			return String.format("%.0f req/s, p50 %.2f ms, p99 %.2f ms, %d ok, %d failed%s", this.requestsPerSecond,
					this.p50Millis, this.p99Millis, this.completed, this.failed,
					(this.firstFailure != null) ? " (first: " + this.firstFailure + ")" : "");
		}

	}

}
