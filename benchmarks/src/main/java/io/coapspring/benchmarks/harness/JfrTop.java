package io.coapspring.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a server's CPU time goes, from a JFR recording made with {@code --jfr}: the share of execution
 * samples whose stack passes through each layer (inclusive), and the methods on top of the stacks (self).
 * <p>
 * {@code java -cp benchmarks/target/coap-spring-boot-benchmarks.jar io.coapspring.benchmarks.harness.JfrTop <file.jfr> [top]
 * [last seconds]}: with a number of seconds, only the samples of that many seconds before the recording's last
 * sample count (the measured runs come last in a cell, after start-up and warm-up).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class JfrTop {

	private static final Map<String, String> LAYERS = new LinkedHashMap<>();

	static {
		LAYERS.put("UDP socket I/O (sun.nio.ch, java.net)", "sun.nio.ch.|java.net.DatagramSocket|java.net.DatagramPacket");
		LAYERS.put("Californium UDP connector", "org.eclipse.californium.elements.UDPConnector");
		LAYERS.put("Californium CoAP stack (layers, matcher, deduplication)",
				"org.eclipse.californium.core.network.");
		LAYERS.put("Californium message parsing/serialization", "org.eclipse.californium.core.network.serialization.");
		LAYERS.put("Californium server delivery (deliverer, resources)",
				"org.eclipse.californium.core.server.|org.eclipse.californium.core.CoapResource");
		LAYERS.put("starter (io.coapspring, not benchmarks)", "io.coapspring.server.|io.coapspring.convert.|io.coapspring.autoconfigure.");
		LAYERS.put("Spring", "org.springframework.");
		LAYERS.put("Jackson", "tools.jackson.");
		LAYERS.put("Hibernate Validator", "org.hibernate.validator.");
		LAYERS.put("scenario resources (io.coapspring.benchmarks)", "io.coapspring.benchmarks.");
		LAYERS.put("executors and locks (java.util.concurrent)", "java.util.concurrent.");
	}

	private JfrTop() {
	}

	/**
	 * Print the summary.
	 * @param args the recording and the number of top methods
	 * @throws IOException if the recording cannot be read
	 */
	public static void main(String[] args) throws IOException {
		int top = (args.length > 1) ? Integer.parseInt(args[1]) : 15;
		List<RecordedEvent> events = RecordingFile.readAllEvents(Path.of(args[0])).stream()
			.filter((event) -> event.getEventType().getName().equals("jdk.ExecutionSample"))
			.toList();
		Instant last = events.stream().map(RecordedEvent::getStartTime).max(Instant::compareTo).orElse(Instant.EPOCH);
		Instant from = (args.length > 2) ? last.minusSeconds(Long.parseLong(args[2])) : Instant.MIN;
		Map<String, Integer> self = new HashMap<>();
		Map<String, Integer> threads = new HashMap<>();
		Map<String, Integer> layers = new LinkedHashMap<>();
		LAYERS.keySet().forEach((layer) -> layers.put(layer, 0));
		int samples = 0;
		for (RecordedEvent event : events) {
			if (event.getStartTime().isBefore(from)) {
				continue;
			}
			RecordedStackTrace stack = event.getStackTrace();
			if (stack == null || stack.getFrames().isEmpty()) {
				continue;
			}
			samples++;
			RecordedThread thread = event.getThread("sampledThread");
			String threadName = (thread != null && thread.getJavaName() != null) ? thread.getJavaName() : "?";
			threads.merge(threadName.replaceAll("[0-9]+", "N"), 1, Integer::sum);
			self.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
			for (Map.Entry<String, String> layer : LAYERS.entrySet()) {
				String[] prefixes = layer.getValue().split("\\|");
				boolean hit = stack.getFrames().stream().map(JfrTop::name).anyMatch((frame) -> {
					for (String prefix : prefixes) {
						if (frame.startsWith(prefix)) {
							return true;
						}
					}
					return false;
				});
				if (hit) {
					layers.merge(layer.getKey(), 1, Integer::sum);
				}
			}
		}
		System.out.printf("%d execution samples (stacks are truncated at 64 frames by default)%n%n", samples);
		System.out.println("| layer (inclusive) | share of samples |");
		System.out.println("| --- | ---: |");
		for (Map.Entry<String, Integer> layer : layers.entrySet()) {
			System.out.printf("| %s | %.1f%% |%n", layer.getKey(), 100.0 * layer.getValue() / Math.max(1, samples));
		}
		System.out.println();
		System.out.println("| thread | share of samples |");
		System.out.println("| --- | ---: |");
		final int all = samples;
		threads.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
			.forEach((entry) -> System.out.printf("| %s | %.1f%% |%n", entry.getKey(),
					100.0 * entry.getValue() / Math.max(1, all)));
		System.out.println();
		System.out.println("| method on top of the stack (self) | share of samples |");
		System.out.println("| --- | ---: |");
		final int total = samples;
		self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
			.forEach((entry) -> System.out.printf("| `%s` | %.1f%% |%n", entry.getKey(),
					100.0 * entry.getValue() / Math.max(1, total)));
	}

	private static String name(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}

}
