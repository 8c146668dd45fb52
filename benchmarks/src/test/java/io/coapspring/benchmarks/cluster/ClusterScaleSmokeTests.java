package io.coapspring.benchmarks.cluster;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The cluster scale measurement's smoke pass: 200 registrations on the in-memory store and on Leshan's Redis
 * store, then one pass against the single node and one and two cluster instances sharing a real
 * {@code redis-server}. It checks that every registration got 2.01 and is stored (in Redis for the cluster
 * nodes), never how fast. Without {@code redis-server} it is skipped, or fails on CI ({@code CI=true}).
 */
class ClusterScaleSmokeTests {

	@Test
	void everyRegistrationIsCreatedAndStoredOnOneAndTwoInstances() throws Exception {
		if (RedisProcess.binary().isEmpty()) {
			String message = "redis-server is not installed: 'apt-get install redis-server' to run this test";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message + " (CI installs it in .ci/run)");
			}
			abort(message);
		}
		ClusterScaleMain.Settings settings = ClusterScaleMain.Settings.parse("--registrations=200",
				"--rate-registrations=200", "--passes=1", "--warmup-passes=0", "--max-instances=2", "--window=8",
				"--sockets=4");
		ByteArrayOutputStream progress = new ByteArrayOutputStream();
		ClusterScaleMain.Results results;
		try (RedisProcess redis = RedisProcess.start()) {
			results = ClusterScaleMain.run(settings, redis.port(),
					new PrintStream(progress, true, StandardCharsets.UTF_8));
		}
		assertThat(results.memory()).extracting(ClusterScaleMain.Memory::store)
			.containsExactly(ClusterScaleMain.SINGLE, ClusterScaleMain.label(1));
		results.memory().forEach((memory) -> {
			assertThat(memory.registered().created()).as(memory.store()).isEqualTo(200);
			assertThat(memory.registered().refused() + memory.registered().lost()).as(memory.store()).isZero();
			assertThat(memory.stored()).as(memory.store()).isEqualTo(200);
		});
		// the cluster node's registrations are in Redis, not on the heap: Redis grew, by more than a byte each
		assertThat(results.memory().get(1).redisPerRegistration()).isPositive();
		assertThat(results.rates()).containsOnlyKeys(ClusterScaleMain.SINGLE, ClusterScaleMain.label(1),
				ClusterScaleMain.label(2));
		results.rates().forEach((nodes, passes) -> {
			assertThat(passes).as(nodes).hasSize(1);
			ClusterScaleMain.Pass pass = passes.get(0);
			assertThat(pass.registered().created()).as(nodes).isEqualTo(200);
			assertThat(pass.registered().refused() + pass.registered().lost()).as(nodes).isZero();
			assertThat(pass.stored()).as(nodes).isEqualTo(200);
		});
		assertThat(results.complete()).isTrue();
		assertThat(progress.toString(StandardCharsets.UTF_8)).contains("pass 1 cluster, 2 instances");
		assertThat(ClusterScaleMain.report(settings, results)).contains("| cluster, 2 instances |",
				"Redis B/registration");
	}

	@Test
	void rejectsAnUnknownOption() {
		assertThatIllegalArgumentException().isThrownBy(() -> ClusterScaleMain.Settings.parse("--nodes=2"))
			.withMessageContaining("--nodes=2")
			.withMessageContaining("--max-instances=N");
	}

	@Test
	void takesTheMedian() {
		assertThat(ClusterScaleMain.median(new double[] { 3, 1, 2 })).isEqualTo(2);
		assertThat(ClusterScaleMain.median(new double[] { 4, 1, 3, 2 })).isEqualTo(2.5);
		assertThat(List.of(ClusterScaleMain.median(new double[0]))).containsExactly(Double.NaN);
	}

}
