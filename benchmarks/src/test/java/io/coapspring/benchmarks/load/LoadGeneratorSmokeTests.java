package io.coapspring.benchmarks.load;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.coapspring.benchmarks.servers.RawCaliforniumServer;
import io.coapspring.benchmarks.servers.RawCaliforniumServer.Settings;
import io.coapspring.benchmarks.servers.Reading;
import io.coapspring.benchmarks.servers.ScenarioPaths;
import io.coapspring.benchmarks.load.ObserveLoad.ObserveCounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks' smoke pass, a few seconds in all: the raw Californium scenario server in-process on a free
 * loopback port, the load generator against it for about a second at W=16, and one short observe run. It
 * checks that requests and responses match and that nothing is lost or misrouted, never how fast it went.
 */
class LoadGeneratorSmokeTests {

	private static RawCaliforniumServer server;

	private static InetSocketAddress target;

	@BeforeAll
	static void startServer() {
		server = RawCaliforniumServer.start(InetAddress.getLoopbackAddress(), 0, Settings.STARTER_DEFAULTS);
		target = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
	}

	@AfterAll
	static void stopServer() {
		server.stop();
	}

	@Test
	void keepsSixteenGetsInFlightOverSeveralSocketsAndMatchesEveryResponse() throws Exception {
		byte[] request = CoapCodec.request(CoapCodec.GET, ScenarioPaths.HELLO, false, -1, null);
		LoadResult result = LoadGenerator.run(LoadSpec.burst(target, request, 16, 4, Duration.ofSeconds(1),
				ProcessHandle.current().pid()));
		assertThat(result.completed()).isPositive();
		assertThat(result.errors()).isZero();
		assertThat(result.unmatched()).isZero();
		assertThat(result.lost()).isZero();
		assertThat(result.sent()).isEqualTo(result.completed());
		assertThat(result.completedPerInterval().stream().mapToLong(Long::longValue).sum())
			.isEqualTo(result.completed());
		assertThat(result.p50Micros()).isPositive().isLessThanOrEqualTo(result.p99Micros());
		assertThat(result.serverCpuSeconds()).isGreaterThanOrEqualTo(0);
	}

	@Test
	void stopsAtTheRequestBound() throws Exception {
		byte[] request = CoapCodec.request(CoapCodec.GET, ScenarioPaths.HELLO, false, -1, null);
		LoadResult result = LoadGenerator.run(new LoadSpec(target, request, 8, 2, Duration.ofSeconds(30), 500,
				Duration.ofSeconds(2), Duration.ofSeconds(1), -1, LoadSpec.DEFAULT_REQUESTS_PER_SOCKET));
		assertThat(result.sent()).isEqualTo(500);
		assertThat(result.completed()).isEqualTo(500);
		assertThat(result.serverCpuSeconds()).isEqualTo(-1);
	}

	@Test
	void replacesEachSourceSocketAfterItsRequestBudget() throws Exception {
		byte[] request = CoapCodec.request(CoapCodec.GET, ScenarioPaths.HELLO, false, -1, null);
		for (int window : new int[] { 1, 8 }) {
			LoadResult result = LoadGenerator.run(new LoadSpec(target, request, window, Math.min(window, 2),
					Duration.ofSeconds(30), 1_000, Duration.ofSeconds(2), Duration.ofSeconds(1), -1, 100));
			assertThat(result.completed()).as("W=%d", window).isEqualTo(1_000);
			assertThat(result.unmatched()).as("W=%d", window).isZero();
		}
	}

	@Test
	void postsTheValidJsonReadingAndCountsAnInvalidOneAsAnError() throws Exception {
		assertThat(Reading.SAMPLE_JSON.getBytes(StandardCharsets.UTF_8)).hasSize(200);
		byte[] valid = CoapCodec.request(CoapCodec.POST, ScenarioPaths.READING, false, 50,
				Reading.SAMPLE_JSON.getBytes(StandardCharsets.UTF_8));
		LoadResult ok = LoadGenerator.run(new LoadSpec(target, valid, 4, 2, Duration.ofSeconds(30), 200,
				Duration.ofSeconds(2), Duration.ofSeconds(1), -1, LoadSpec.DEFAULT_REQUESTS_PER_SOCKET));
		assertThat(ok.completed()).isEqualTo(200);
		byte[] invalid = CoapCodec.request(CoapCodec.POST, ScenarioPaths.READING, false, 50,
				Reading.SAMPLE_JSON.replace("\"battery\":87", "\"battery\":187").getBytes(StandardCharsets.UTF_8));
		LoadResult rejected = LoadGenerator.run(new LoadSpec(target, invalid, 4, 2, Duration.ofSeconds(30), 20,
				Duration.ofSeconds(2), Duration.ofSeconds(1), -1, LoadSpec.DEFAULT_REQUESTS_PER_SOCKET));
		assertThat(rejected.errors()).isEqualTo(20);
		assertThat(rejected.firstError()).isEqualTo("4.00");
	}

	@Test
	void observersReceiveTheChangesOfTheResource() throws Exception {
		try (ObserveLoad load = new ObserveLoad(target, 50, 4)) {
			assertThat(load.register(ScenarioPaths.OBSERVE, Duration.ofSeconds(10))).isEqualTo(50);
			load.startCounting();
			CoapProbe.Response started = CoapProbe.request(target, CoapCodec.POST, ScenarioPaths.ADMIN_CHANGE,
					"20 0.3", Duration.ofSeconds(5));
			assertThat(started).isNotNull();
			assertThat(started.isSuccess()).isTrue();
			String stats;
			do {
				Thread.sleep(100);
				stats = CoapProbe.request(target, CoapCodec.GET, ScenarioPaths.ADMIN_STATS, null, Duration.ofSeconds(5))
					.text();
			}
			while (stats.endsWith("true"));
			Thread.sleep(200);
			ObserveCounts counts = load.stopCounting();
			long changes = Long.parseLong(stats.split(" ")[0]);
			assertThat(changes).isPositive();
			assertThat(stats.split(" ")[2]).isEqualTo("50");
			assertThat(counts.registered()).isEqualTo(50);
			assertThat(counts.delivered()).isPositive().isLessThanOrEqualTo(changes * 50);
			assertThat(counts.unmatched()).isZero();
		}
	}

	@Test
	void reportsTheHeapAfterAFullGc() throws Exception {
		CoapProbe.Response heap = CoapProbe.request(target, CoapCodec.GET, ScenarioPaths.ADMIN_HEAP, null,
				Duration.ofSeconds(10));
		assertThat(heap).isNotNull();
		assertThat(Long.parseLong(heap.text().split(" ")[0])).isPositive();
	}

}
