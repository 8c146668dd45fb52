package io.coapspring.lwm2m.interop;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.coapspring.lwm2m.autoconfigure.Lwm2mServerAutoConfiguration;
import io.coapspring.lwm2m.core.Lwm2mException;
import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.event.Lwm2mDeregisteredEvent;
import io.coapspring.lwm2m.event.Lwm2mEvent;
import io.coapspring.lwm2m.event.Lwm2mRegisteredEvent;
import io.coapspring.lwm2m.event.Lwm2mRegistration;
import io.coapspring.lwm2m.server.Lwm2mServerLifecycle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * A client nobody here wrote: Telefonica's npm package {@code lwm2m-node-lib} 1.4.0 (LWM2M 1.0) registers, is read
 * and deregisters. Its reads answer without a Content-Format: the lenient decoder (the default) reads them, the
 * strict one reports a clear error. Skipped when node or the npm package is missing, failed under {@code CI=true}
 * (.ci/run installs it with {@code npm ci}).
 */
class Lwm2mNodeLibInteropTests {

	private static final Path DIRECTORY = Path.of("src/test/resources/lwm2m-node-lib");

	private static Path node;

	@BeforeAll
	static void requireNodeLib() {
		node = onPath("node").orElse(null);
		if (node == null) {
			missing("node is not installed: install Node.js 18 or later (Debian package nodejs) and npm");
		}
		if (!Files.isRegularFile(DIRECTORY.resolve("node_modules/lwm2m-node-lib/package.json"))) {
			Path npm = onPath("npm").orElse(null);
			if (npm == null) {
				missing("npm is not installed: install npm (Debian package npm) for lwm2m-node-lib");
			}
			run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund", "--prefix",
					DIRECTORY.toAbsolutePath().toString()));
			if (!Files.isRegularFile(DIRECTORY.resolve("node_modules/lwm2m-node-lib/package.json"))) {
				missing("npm ci could not install lwm2m-node-lib 1.4.0 in " + DIRECTORY);
			}
		}
	}

	@Test
	void registersIsReadLenientlyAndDeregisters() throws Exception {
		try (ConfigurableApplicationContext context = start(true); NodeClient client = new NodeClient(context, "node-lib-1")) {
			String location = client.await("REGISTERED");
			assertThat(location).startsWith("REGISTERED rd/");
			Lwm2mOperations lwm2m = context.getBean(Lwm2mOperations.class);
			Lwm2mRegistration registration = lwm2m.getRegistration("node-lib-1").orElseThrow();
			assertThat(registration.lwm2mVersion()).isEqualTo("1.0");
			assertThat(registration.objectLinks()).contains("/3/0");
			EventCollector events = context.getBean(EventCollector.class);
			await().atMost(Duration.ofSeconds(5))
				.until(() -> events.events.stream().anyMatch(Lwm2mRegisteredEvent.class::isInstance));

			assertThat(lwm2m.read("node-lib-1", "/3/0/0").value()).isEqualTo("node-vendor");
			assertThat(lwm2m.read("node-lib-1", "/3/0/9").value()).isEqualTo(87L);

			client.send("unregister");
			client.await("UNREGISTERED");
			await().atMost(Duration.ofSeconds(5)).until(() -> lwm2m.getRegistration("node-lib-1").isEmpty());
			assertThat(events.events).filteredOn(Lwm2mDeregisteredEvent.class::isInstance)
				.singleElement()
				.satisfies((event) -> assertThat(((Lwm2mDeregisteredEvent) event).isExpired()).isFalse());
		}
	}

	@Test
	void strictDecoderReportsTheMissingContentFormatClearly() throws Exception {
		try (ConfigurableApplicationContext context = start(false); NodeClient client = new NodeClient(context, "node-lib-2")) {
			client.await("REGISTERED");
			Lwm2mOperations lwm2m = context.getBean(Lwm2mOperations.class);
			assertThatExceptionOfType(Lwm2mException.class).isThrownBy(() -> lwm2m.read("node-lib-2", "/3/0/0"))
				.withMessageContaining("invalid response")
				.withMessageContaining("Content format is mandatory");
			assertThat(lwm2m.getRegistration("node-lib-2")).isPresent();
		}
	}

	private static ConfigurableApplicationContext start(boolean lenient) {
		return new SpringApplicationBuilder(Config.class).web(WebApplicationType.NONE)
			.properties("coap.lwm2m.server.address=127.0.0.1", "coap.lwm2m.server.port=0",
					"coap.lwm2m.server.lenient-content-format=" + lenient)
			.run();
	}

	/**
	 * The node client process, stopped by its PID.
	 */
	static final class NodeClient implements AutoCloseable {

		private final Process process;

		private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

		private final Writer input;

		NodeClient(ConfigurableApplicationContext context, String endpoint) throws IOException {
			int port = context.getEnvironment().getRequiredProperty(Lwm2mServerLifecycle.PORT_PROPERTY, Integer.class);
			this.process = new ProcessBuilder(node.toString(), "client.js", "127.0.0.1", String.valueOf(port), endpoint)
				.directory(DIRECTORY.toFile())
				.redirectErrorStream(true)
				.start();
			this.input = new OutputStreamWriter(this.process.getOutputStream(), StandardCharsets.UTF_8);
			Thread reader = new Thread(() -> {
				try (BufferedReader output = new BufferedReader(
						new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = output.readLine()) != null) {
						this.lines.add(line);
					}
				}
				catch (IOException ex) {
					// process ended
				}
			}, "lwm2m-node-lib-output");
			reader.setDaemon(true);
			reader.start();
		}

		String await(String prefix) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (System.nanoTime() < deadline) {
				String line = this.lines.poll(1, TimeUnit.SECONDS);
				if (line != null && line.startsWith(prefix)) {
					return line;
				}
				if (line != null && line.startsWith("ERROR")) {
					fail("lwm2m-node-lib client: " + line);
				}
			}
			return fail("lwm2m-node-lib client did not print " + prefix + " in time");
		}

		void send(String command) throws IOException {
			this.input.write(command + "\n");
			this.input.flush();
		}

		@Override
		public void close() throws InterruptedException {
			ProcessHandle handle = this.process.toHandle();
			handle.destroy();
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				handle.destroyForcibly();
			}
		}

	}

	private static Optional<Path> onPath(String command) {
		String path = System.getenv("PATH");
		for (String directory : ((path != null) ? path : "/usr/bin:/bin").split(File.pathSeparator)) {
			Path candidate = Path.of(directory, command);
			if (Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	private static void missing(String message) {
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			fail(message + " (CI=true: a missing peer fails the build)");
		}
		assumeThat(false).as(message).isTrue();
	}

	private static void run(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.toHandle().destroyForcibly();
			}
		}
		catch (IOException ex) {
			// reported by the caller's check
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(Lwm2mServerAutoConfiguration.class)
	static class Config {

		@Bean
		EventCollector eventCollector() {
			return new EventCollector();
		}

	}

	static class EventCollector implements ApplicationListener<Lwm2mEvent> {

		final List<Lwm2mEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(Lwm2mEvent event) {
			this.events.add(event);
		}

	}

}
