package io.coapspring.benchmarks.servers;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * The harness's remote control of a benchmark server, under {@code /admin}: heap after a full GC, and the
 * change runs of the observed resource (see {@link ScenarioPaths}). Benchmark servers bind loopback only.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class AdminResource extends CoapResource {

	/**
	 * Create {@code /admin} with its children.
	 * @param observed the change runs of the observed resource
	 */
	public AdminResource(ChangeRuns observed) {
		super("admin");
		add(new CoapResource("heap") {

			@Override
			public void handleGET(CoapExchange exchange) {
				exchange.respond(ResponseCode.CONTENT, heapAfterGc(), MediaTypeRegistry.TEXT_PLAIN);
			}

		});
		add(new CoapResource("change") {

			@Override
			public void handlePOST(CoapExchange exchange) {
				String[] parts = new String(exchange.getRequestPayload(), StandardCharsets.UTF_8).trim().split(" ");
				double perSecond = Double.parseDouble(parts[0]);
				Duration duration = Duration.ofMillis((long) (Double.parseDouble(parts[1]) * 1000));
				boolean started = observed.startChanging(perSecond, duration);
				exchange.respond(started ? ResponseCode.CHANGED : ResponseCode.SERVICE_UNAVAILABLE);
			}

		});
		add(new CoapResource("stats") {

			@Override
			public void handleGET(CoapExchange exchange) {
				exchange.respond(ResponseCode.CONTENT, observed.stats(), MediaTypeRegistry.TEXT_PLAIN);
			}

		});
	}

	/**
	 * Run full collections until the used heap settles, then report it.
	 * @return {@code "<used bytes> <committed bytes>"}
	 */
	static String heapAfterGc() {
		long used = Long.MAX_VALUE;
		MemoryUsage usage = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		for (int i = 0; i < 5; i++) {
			System.gc();
			usage = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
			if (usage.getUsed() >= used * 0.99) {
				break;
			}
			used = usage.getUsed();
		}
		return usage.getUsed() + " " + usage.getCommitted();
	}

}
