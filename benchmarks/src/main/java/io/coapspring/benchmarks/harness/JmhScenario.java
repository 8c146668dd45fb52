package io.coapspring.benchmarks.harness;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH microbenchmarks of {@code io.coapspring.benchmarks.jmh} in forked JVMs with the servers' flags,
 * with JMH's GC profiler ({@code -prof gc}) for the bytes allocated per operation.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
final class JmhScenario {

	private static final String ALLOCATED = "gc.alloc.rate.norm";

	private JmhScenario() {
	}

	/**
	 * One benchmark's score.
	 *
	 * @param benchmark the method name
	 * @param score the mean score
	 * @param error the 99.9% confidence half-interval (NaN with too few samples)
	 * @param min the lowest iteration score
	 * @param max the highest iteration score
	 * @param unit the unit, e.g. ns/op
	 * @param samples iterations measured, over all forks
	 * @param allocated the bytes allocated per operation ({@code gc.alloc.rate.norm}), NaN if not measured
	 */
	record Score(String benchmark, double score, double error, double min, double max, String unit, long samples,
			double allocated) {
	}

	static List<Score> run(HarnessSettings settings) throws RunnerException {
		ChainedOptionsBuilder options = new OptionsBuilder().include("io\\.coapspring\\.benchmarks\\.jmh\\..*")
			.jvmArgs(settings.serverJvmFlags().toArray(String[]::new))
			.addProfiler(GCProfiler.class)
			.verbosity(VerboseMode.SILENT)
			.shouldFailOnError(true);
		switch (settings.mode()) {
			case SMOKE -> options.forks(1).warmupIterations(1).warmupTime(TimeValue.seconds(1)).measurementIterations(2)
				.measurementTime(TimeValue.seconds(1));
			case QUICK -> options.forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1)).measurementIterations(3)
				.measurementTime(TimeValue.seconds(1));
			case FULL -> options.forks(3).warmupIterations(5).warmupTime(TimeValue.seconds(2)).measurementIterations(5)
				.measurementTime(TimeValue.seconds(2));
		}
		Collection<RunResult> results = new Runner(options.build()).run();
		List<Score> scores = new ArrayList<>();
		for (RunResult result : results) {
			var primary = result.getPrimaryResult();
			var statistics = primary.getStatistics();
			String label = result.getParams().getBenchmark();
			label = label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1);
			List<String> params = new ArrayList<>();
			for (String key : result.getParams().getParamsKeys()) {
				params.add(key + "=" + result.getParams().getParam(key));
			}
			if (!params.isEmpty()) {
				label = label + " (" + String.join(", ", params) + ")";
			}
			Result<?> allocated = result.getSecondaryResults().get(ALLOCATED);
			scores.add(new Score(label,
					primary.getScore(), primary.getScoreError(), statistics.getMin(), statistics.getMax(),
					primary.getScoreUnit(), statistics.getN(), (allocated != null) ? allocated.getScore() : Double.NaN));
		}
		return scores;
	}

}
