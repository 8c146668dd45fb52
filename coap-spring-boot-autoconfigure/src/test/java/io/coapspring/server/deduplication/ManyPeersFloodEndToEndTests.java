package io.coapspring.server.deduplication;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.coapspring.server.PlainCoapProbe;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Floods a server running in its own JVM with a small heap ({@value #HEAP}) with one valid CON GET from each of
 * {@value #WAVES} waves of {@value #PEERS_PER_WAVE} distinct source endpoints on loopback, and checks that it
 * still answers afterwards and that its live heap after a full GC stays under {@value #LIVE_HEAP_LIMIT_MB} MB.
 * Without a total bound on the deduplication state every answered request stays remembered for the exchange
 * lifetime (247 s), about 2 KB each, and the server runs out of memory.
 * <p>
 * The figures (remembered exchanges, live heap) are printed; {@code -Dflood.heap=1g} measures the unbounded
 * state of a configuration without running out of memory, {@code -Dflood.args=--a=1,--b=2} passes properties,
 * {@code -Dflood.waves=0} measures the live heap of the server without the flood.
 */
class ManyPeersFloodEndToEndTests {

	private static final String HEAP = "192m";

	private static final int WAVES = 3;

	private static final int PEERS_PER_WAVE = 20_000;

	private static final long LIVE_HEAP_LIMIT_MB = 64;

	private Process server;

	@AfterEach
	void stopServer() throws Exception {
		if (this.server != null) {
			this.server.getOutputStream().close();
			if (!this.server.waitFor(20, TimeUnit.SECONDS)) {
				this.server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
	}

	@Test
	void serverWithSmallHeapSurvivesRequestsFromTensOfThousandsOfSourcePorts() throws Exception {
		int port = startServer();
		InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
		SourcePortFlood flood = new SourcePortFlood(address, "flood");
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(28);
		int answered = 0;
		int waves = Integer.getInteger("flood.waves", WAVES);
		for (int wave = 0; wave < waves && this.server.isAlive(); wave++) {
			answered += flood.send(wave * PEERS_PER_WAVE, PEERS_PER_WAVE, deadline);
		}
		System.out.printf("flood: %d of %d requests answered in %d ms%n", answered, WAVES * PEERS_PER_WAVE,
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - deadline) + 28_000);
		assertThat(this.server.isAlive()).as("server process alive after the flood").isTrue();
		try (PlainCoapProbe probe = new PlainCoapProbe(address)) {
			Response response = probe.get("flood", 5_000);
			assertThat(response).as("answer after the flood").isNotNull();
			assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		}
		HeapHistogram histogram = HeapHistogram.of(this.server.pid());
		if (Boolean.getBoolean("flood.histogram")) {
			System.out.println(histogram.text().lines().limit(60).collect(java.util.stream.Collectors.joining("\n")));
		}
		long exchanges = histogram.instances("org.eclipse.californium.core.network.Exchange");
		long liveMb = histogram.totalBytes() / (1024 * 1024);
		System.out.printf("flood: after a full GC %d exchanges remembered, %d MB of live heap (%d bytes)%n",
				exchanges, liveMb, histogram.totalBytes());
		assertThat(liveMb).as("live heap after a full GC, MB").isLessThan(LIVE_HEAP_LIMIT_MB);
	}

	private int startServer() throws IOException, Exception {
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx" + System.getProperty("flood.heap", HEAP),
				"-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
				FloodTargetApplication.class.getName()));
		String args = System.getProperty("flood.args", "");
		if (!args.isEmpty()) {
			command.addAll(List.of(args.split(",")));
		}
		this.server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		BufferedReader output = new BufferedReader(
				new InputStreamReader(this.server.getInputStream(), StandardCharsets.UTF_8));
		String line = CompletableFuture.supplyAsync(() -> readPortLine(output)).get(60, TimeUnit.SECONDS);
		assertThat(line).as("port line of the server").startsWith("port=");
		return Integer.parseInt(line.substring("port=".length()));
	}

	private static String readPortLine(BufferedReader output) {
		try {
			String line;
			while ((line = output.readLine()) != null) {
				if (line.startsWith("port=")) {
					return line;
				}
			}
			return "";
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static String javaBinary() {
		return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
	}

	/**
	 * The class histogram of a JVM's live objects, taken with {@code jcmd} after a full GC.
	 */
	record HeapHistogram(String text) {

		static HeapHistogram of(long pid) throws IOException, InterruptedException {
			String jcmd = System.getProperty("java.home") + File.separator + "bin" + File.separator + "jcmd";
			Process process = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.class_histogram")
				.redirectErrorStream(true)
				.start();
			String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)).isTrue();
			return new HeapHistogram(text);
		}

		long instances(String className) {
			for (String line : this.text.split("\n")) {
				String[] columns = line.trim().split("\\s+");
				if (columns.length >= 4 && columns[3].equals(className)) {
					return Long.parseLong(columns[1]);
				}
			}
			return 0;
		}

		long totalBytes() {
			for (String line : this.text.split("\n")) {
				String[] columns = line.trim().split("\\s+");
				if (columns.length == 3 && columns[0].equals("Total")) {
					return Long.parseLong(columns[2]);
				}
			}
			throw new IllegalStateException("no total in the class histogram:\n" + this.text);
		}

	}

}
