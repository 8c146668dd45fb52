package io.coapspring.benchmarks.harness;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;

import io.coapspring.autoconfigure.CoapProperties;
import io.coapspring.benchmarks.harness.HarnessSettings.Mode;
import io.coapspring.benchmarks.load.CoapCodec;
import io.coapspring.benchmarks.load.CoapProbe;
import io.coapspring.benchmarks.load.LoadGenerator;
import io.coapspring.benchmarks.load.LoadResult;
import io.coapspring.benchmarks.load.LoadSpec;
import io.coapspring.benchmarks.servers.HandlerExecutors;
import io.coapspring.benchmarks.servers.RawCaliforniumServer;
import io.coapspring.benchmarks.servers.RawCaliforniumServer.Settings;
import io.coapspring.benchmarks.servers.ScenarioPaths;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The like-for-like servers of issue 24, started as the harness starts them: {@code raw-exec} (raw Californium
 * with its resources on an executor like the starter's) and {@code sample} (the sample application's jar with its
 * own configuration), each in its own JVM on a free loopback port, answering a bounded number of CoAP GETs; and
 * the {@code --java=} / {@code --virtual-threads} settings. It checks that every request is answered, never how
 * fast. The sample's jar comes from {@code ./mvnw package} (CI's {@code verify} packages the sample before this
 * module); without it the sample's test is skipped, or fails on CI ({@code CI=true}).
 */
class LikeForLikeServersSmokeTests {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private static final int REQUESTS = 500;

	private final HarnessSettings settings = HarnessSettings.of(Mode.SMOKE, Set.of("get"), Set.of(), false);

	@Test
	void rawServerWithAHandlerExecutorRunsEveryRequestOnAPoolOfTheStartersSize() throws Exception {
		ThreadPoolExecutor pool = HandlerExecutors.starterSizedPool();
		CoapProperties.Executor defaults = new CoapProperties().getServer().getExecutor();
		assertThat(pool.getMaximumPoolSize()).isEqualTo(defaults.getMaxThreads());
		assertThat(pool.getQueue().remainingCapacity()).isEqualTo(defaults.getQueueCapacity());
		RawCaliforniumServer server = RawCaliforniumServer.start(InetAddress.getLoopbackAddress(), 0,
				Settings.STARTER_DEFAULTS, pool);
		try {
			LoadResult result = get(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()),
					ScenarioPaths.HELLO);
			assertThat(result.completed()).isEqualTo(REQUESTS);
			assertThat(pool.getCompletedTaskCount()).isGreaterThanOrEqualTo(REQUESTS);
		}
		finally {
			server.stop();
		}
		assertThat(pool.isShutdown()).isTrue();
	}

	@Test
	void virtualThreadExecutorNeedsJava21() {
		if (Runtime.version().feature() >= 21) {
			ExecutorService virtual = HandlerExecutors.likeTheStarter(true);
			try {
				assertThat(virtual).isNotInstanceOf(ThreadPoolExecutor.class);
			}
			finally {
				virtual.shutdown();
			}
		}
		else {
			assertThatIllegalStateException().isThrownBy(() -> HandlerExecutors.likeTheStarter(true))
				.withMessageContaining("Java 21");
		}
	}

	@Test
	void rawExecStartsInItsOwnJvmAndAnswers() throws Exception {
		try (ServerProcess process = ServerProcess.start(server("raw-exec"), logs(), START_TIMEOUT)) {
			LoadResult result = get(process.address(), ScenarioPaths.HELLO);
			assertThat(result.completed()).isEqualTo(REQUESTS);
			assertThat(result.errors()).isZero();
			assertThat(process.isAlive()).isTrue();
		}
	}

	@Test
	void sampleApplicationStartsFromItsJarAndAnswersItsGreeting() throws Exception {
		Path jar = this.settings.sampleJar();
		if (!Files.isRegularFile(jar)) {
			String message = "The sample's jar " + jar + " is missing: './mvnw -B -q -pl sample-app -am package "
					+ "-DskipTests' builds it";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message + " (CI's './mvnw -B verify' packages sample-app before benchmarks)");
			}
			abort(message);
		}
		ServerDefinition sample = server("sample");
		assertThat(sample.hasAdmin()).isFalse();
		try (ServerProcess process = ServerProcess.start(sample, logs(), START_TIMEOUT)) {
			CoapProbe.Response greeting = CoapProbe.request(process.address(), CoapCodec.GET, sample.getPath(), null,
					Duration.ofSeconds(10));
			assertThat(greeting).isNotNull();
			assertThat(greeting.text()).isEqualTo("Hello, CoAP!").hasSize(sample.getPayloadBytes());
			LoadResult result = get(process.address(), sample.getPath());
			assertThat(result.completed()).isEqualTo(REQUESTS);
			assertThat(result.errors()).isZero();
		}
	}

	@Test
	void runsJavaServersOnAnotherJdkWithVirtualThreads() {
		HarnessSettings onJava = this.settings.onJava(System.getProperty("java.home"), true);
		assertThat(Path.of(onJava.javaExecutable())).isExecutable().endsWith(Path.of("bin", "java"));
		assertThat(onJava.serverJvmFlags()).containsAll(HarnessSettings.SERVER_JVM_FLAGS)
			.contains("-Dspring.threads.virtual.enabled=true");
		assertThat(onJava.describeJava()).contains(Integer.toString(Runtime.version().feature()))
			.endsWith("virtual threads on");
		assertThat(this.settings.describeJava()).doesNotContain("virtual threads");
		assertThat(ServerDefinition.all(onJava)).filteredOn((server) -> server.name().equals("raw-exec"))
			.singleElement()
			.satisfies((server) -> assertThat(server.command().apply(5683)).startsWith(onJava.javaExecutable())
				.contains("-Dspring.threads.virtual.enabled=true", RawCaliforniumServer.HANDLER_EXECUTOR));
		assertThatIllegalArgumentException().isThrownBy(() -> this.settings.onJava("/no/such/jdk", false))
			.withMessageContaining("/no/such/jdk");
	}

	private ServerDefinition server(String name) {
		return ServerDefinition.all(this.settings).stream().filter((s) -> s.name().equals(name)).findFirst()
			.orElseThrow();
	}

	private Path logs() {
		return this.settings.outputDirectory().resolve("smoke-logs");
	}

	private static LoadResult get(InetSocketAddress target, String path) throws Exception {
		byte[] request = CoapCodec.request(CoapCodec.GET, path, false, -1, null);
		return LoadGenerator.run(new LoadSpec(target, request, 16, 4, Duration.ofSeconds(60), REQUESTS,
				Duration.ofSeconds(2), Duration.ofSeconds(1), -1, LoadSpec.DEFAULT_REQUESTS_PER_SOCKET));
	}

}
