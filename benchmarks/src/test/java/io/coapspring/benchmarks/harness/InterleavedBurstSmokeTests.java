package io.coapspring.benchmarks.harness;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.coapspring.benchmarks.harness.Harness.Cell;
import io.coapspring.benchmarks.harness.HarnessSettings.Mode;
import io.coapspring.benchmarks.load.LoadResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Harness#burstInterleaved}: two raw Californium servers, each in its own JVM on a free loopback port, both
 * started and warmed up before the first measured run, then measured in turns with the order rotating. It checks
 * what runs when and that every request is answered, never how fast.
 */
class InterleavedBurstSmokeTests {

	private static final Pattern RUN = Pattern.compile("^ {2}(\\S+) run (\\d+): ", Pattern.MULTILINE);

	@Test
	void serversOfOneWindowAreStartedTogetherAndMeasuredInRotatingTurns() {
		HarnessSettings smoke = HarnessSettings.of(Mode.SMOKE, Set.of("get"), Set.of("raw-starter", "raw-exec"),
				false);
		HarnessSettings settings = new HarnessSettings(smoke.mode(), smoke.javaExecutable(), smoke.classPath(),
				smoke.serverJvmFlags(), smoke.nodeDirectory(), smoke.outputDirectory().resolve("interleaved-smoke"),
				List.of(4), smoke.jsonWindows(), 4, 2, smoke.warmup(), smoke.runDuration(), smoke.sustained(),
				smoke.sustainedInterval(), smoke.observers(), smoke.observeDuration(), smoke.scenarios(),
				smoke.servers(), false);
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		Harness harness = new Harness(settings, new PrintStream(output, true, StandardCharsets.UTF_8));

		Map<Integer, List<Cell>> cells = harness.burstInterleaved("get");

		String progress = output.toString(StandardCharsets.UTF_8);
		assertThat(cells).containsOnlyKeys(4);
		assertThat(cells.get(4)).extracting((cell) -> cell.server().name()).containsExactly("raw-starter", "raw-exec");
		for (Cell cell : cells.get(4)) {
			assertThat(cell.ok()).as(progress).isTrue();
			assertThat(cell.results()).hasSize(2);
			for (LoadResult result : cell.results()) {
				assertThat(result.completed()).isPositive();
				assertThat(result.errors()).isZero();
			}
		}
		// both started and warmed up before the first measured run
		assertThat(progress.indexOf("raw-exec: starting (interleaved)")).isLessThan(progress.indexOf(" run 1: "));
		Matcher runs = RUN.matcher(progress);
		StringBuilder order = new StringBuilder();
		while (runs.find()) {
			order.append(runs.group(1)).append('#').append(runs.group(2)).append(' ');
		}
		assertThat(order.toString().trim()).isEqualTo("raw-starter#1 raw-exec#1 raw-exec#2 raw-starter#2");
	}

}
