package io.coapspring.benchmarks.lwm2m;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The LWM2M load benchmark's smoke pass (a few seconds): one short run of raw Leshan and of the starter, 200
 * registrations each and a second of reads from two clients. It checks that every registration is stored and
 * every read answered, never how fast.
 */
class Lwm2mLoadSmokeTests {

	@Test
	void registersEveryEndpointAndAnswersEveryReadOnBothServers() throws Exception {
		Lwm2mLoadMain.Settings settings = Lwm2mLoadMain.Settings.parse("--warmup-runs=0", "--runs=1",
				"--registrations=200", "--window=8", "--sockets=4", "--clients=2", "--read-window=4",
				"--read-warmup=0", "--read-seconds=1");
		ByteArrayOutputStream progress = new ByteArrayOutputStream();
		Map<String, List<Lwm2mLoadMain.Figures>> results = Lwm2mLoadMain.run(settings,
				new PrintStream(progress, true, StandardCharsets.UTF_8));
		assertThat(results).containsOnlyKeys("raw-leshan", "starter");
		results.forEach((server, runs) -> {
			assertThat(runs).as(server).hasSize(1);
			Lwm2mLoadMain.Figures figures = runs.get(0);
			assertThat(figures.registered().created()).as(server).isEqualTo(200);
			assertThat(figures.registered().refused() + figures.registered().lost()).as(server).isZero();
			assertThat(figures.stored()).as(server).isEqualTo(200);
			assertThat(figures.reads().completed()).as(server).isPositive();
			assertThat(figures.reads().failed()).as(server).isZero();
			assertThat(figures.incomplete()).as(server).isFalse();
		});
		assertThat(progress.toString(StandardCharsets.UTF_8)).contains("run 1 raw-leshan", "run 1 starter");
		assertThat(Lwm2mLoadMain.report(settings, results)).contains("| raw-leshan |", "| starter |",
				"starter / raw Leshan");
	}

	@Test
	void rejectsAnUnknownOption() {
		assertThatIllegalArgumentException().isThrownBy(() -> Lwm2mLoadMain.Settings.parse("--clients=2", "--speed=9"))
			.withMessageContaining("--speed=9")
			.withMessageContaining("--registrations=N");
	}

	@Test
	void takesTheMedianOfOddAndEvenCounts() {
		assertThat(Lwm2mLoadMain.median(new double[] { 3, 1, 2 })).isEqualTo(2);
		assertThat(Lwm2mLoadMain.median(new double[] { 4, 1, 3, 2 })).isEqualTo(2.5);
	}

}
