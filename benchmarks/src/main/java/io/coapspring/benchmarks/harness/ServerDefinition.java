package io.coapspring.benchmarks.harness;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import io.coapspring.benchmarks.servers.RawCaliforniumServer;
import io.coapspring.benchmarks.servers.ScenarioPaths;
import io.coapspring.benchmarks.servers.starter.StarterBenchmarkApplication;
import org.jspecify.annotations.Nullable;

/**
 * A server the harness can start: its name in the tables, how to start it on a port, and what it serves.
 *
 * @param name short name, used in options and file names
 * @param label what the table calls it
 * @param command the command line for a port
 * @param directory the working directory, or {@code null} for the harness's
 * @param getPath the path of its GET scenario
 * @param getPayloadBytes the size of the payload its GET answers
 * @param hasAdmin whether it offers the JSON, observe and {@code /admin} resources
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
record ServerDefinition(String name, String label, IntFunction<List<String>> command, @Nullable Path directory,
		String getPath, int getPayloadBytes, boolean hasAdmin) {

	/** The text libcoap's example server answers on {@code /} (Debian's libcoap3-bin 4.3.1). */
	static final int LIBCOAP_ROOT_PAYLOAD_BYTES = 136;

	/** The sample application's CoAP greeting, a {@code @CoapNonBlocking} handler method. */
	static final String SAMPLE_PATH = "/hello";

	/** {@code Hello, CoAP!}: what the sample's {@code /hello} answers without a {@code name}. */
	static final int SAMPLE_PAYLOAD_BYTES = 12;

	String readinessPath() {
		return this.getPath;
	}

	/**
	 * The servers of the suite.
	 * @param settings how Java servers are run, where node's script is
	 * @return every server, in table order
	 */
	static List<ServerDefinition> all(HarnessSettings settings) {
		List<ServerDefinition> servers = new ArrayList<>();
		servers.add(new ServerDefinition("raw-default", "raw Californium, Californium defaults",
				(port) -> java(settings, RawCaliforniumServer.class.getName(), port, "californium-defaults"), null,
				ScenarioPaths.HELLO, 5, true));
		servers.add(new ServerDefinition("raw-starter", "raw Californium, starter defaults",
				(port) -> java(settings, RawCaliforniumServer.class.getName(), port, "starter-defaults"), null,
				ScenarioPaths.HELLO, 5, true));
		servers.add(new ServerDefinition("raw-exec", "raw Californium, starter defaults, resources on a handler executor",
				(port) -> java(settings, RawCaliforniumServer.class.getName(), port, "starter-defaults",
						RawCaliforniumServer.HANDLER_EXECUTOR),
				null, ScenarioPaths.HELLO, 5, true));
		servers.add(new ServerDefinition("starter", "starter (@CoapController)",
				(port) -> java(settings, StarterBenchmarkApplication.class.getName(), port), null, ScenarioPaths.HELLO,
				5, true));
		servers.add(new ServerDefinition("starter-nb", "starter (@CoapController, @CoapNonBlocking)",
				(port) -> java(settings, StarterBenchmarkApplication.class.getName(), port, "non-blocking"), null,
				ScenarioPaths.HELLO, 5, true));
		servers.add(new ServerDefinition("sample", "sample application (java -jar, its own configuration)",
				(port) -> sample(settings, port), null, SAMPLE_PATH, SAMPLE_PAYLOAD_BYTES, false));
		servers.add(new ServerDefinition("node", "node-coap 1.5.0",
				(port) -> List.of("node", "server.js", Integer.toString(port)), settings.nodeDirectory(),
				ScenarioPaths.HELLO, 5, false));
		servers.add(new ServerDefinition("libcoap", "libcoap coap-server-notls",
				(port) -> List.of("coap-server-notls", "-A", "127.0.0.1", "-p", Integer.toString(port)), null, "/",
				LIBCOAP_ROOT_PAYLOAD_BYTES, false));
		return servers;
	}

	private static List<String> java(HarnessSettings settings, String mainClass, int port, String... args) {
		List<String> command = jvm(settings,
				mainClass.substring(mainClass.lastIndexOf('.') + 1) + ((args.length > 0) ? "-" + args[0] : ""), port);
		command.add("-cp");
		command.add(settings.classPath());
		command.add(mainClass);
		command.add(Integer.toString(port));
		command.addAll(List.of(args));
		return command;
	}

	private static List<String> jvm(HarnessSettings settings, String recordingName, int port) {
		List<String> command = new ArrayList<>();
		command.add(settings.javaExecutable());
		command.addAll(settings.serverJvmFlags());
		if (settings.jfr()) {
			Path recording = settings.outputDirectory().resolve("jfr").resolve(recordingName + "-" + port + ".jfr");
			recording.getParent().toFile().mkdirs();
			command.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + recording);
		}
		return command;
	}

	/**
	 * The sample application as its users run it, {@code java -jar coap-spring-boot-sample.jar} with its own
	 * {@code application.yml} (Actuator, Prometheus metrics, observations, the simulated sensors, the LWM2M
	 * server and demo device, the Resource Directory, HTTP): only its ports change, CoAP to the harness's port
	 * and the others to free ones, so that several runs never collide.
	 */
	private static List<String> sample(HarnessSettings settings, int port) {
		Path jar = settings.sampleJar();
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("The sample application's jar " + jar + " is missing: build it first with "
					+ "'./mvnw -B -q -pl benchmarks,sample-app -am package -DskipTests'");
		}
		List<String> command = jvm(settings, "sample", port);
		command.add("-jar");
		command.add(jar.toString());
		command.add("--coap.server.port=" + port);
		command.add("--server.port=0");
		command.add("--management.server.port=0");
		command.add("--coap.lwm2m.server.port=0");
		return command;
	}

}
