package io.coapspring.sample;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.coapspring.server.context.LocalCoapPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Interoperability with a CoAP client nobody here wrote: libcoap's {@code coap-client-notls}, from the Debian
 * package {@code libcoap3-bin}. Skipped when it is not installed, except on CI ({@code CI=true}), where it
 * fails.
 * <p>
 * libcoap exits with 0 even for an error response, so the tests judge its output: the payload on standard
 * output, and a response code such as {@code 4.04 Not Found} on standard error.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "coap.server.port=0")
@AutoConfigureRestTestClient
class LibcoapInteropTests {

	private static final String CLIENT = "coap-client-notls";

	private static final long PROCESS_TIMEOUT_SECONDS = 15;

	@LocalCoapPort
	private int port;

	@BeforeEach
	void requireLibcoap() {
		if (findClient() == null) {
			String message = CLIENT + " is not on the PATH: install the Debian package libcoap3-bin";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message);
			}
			abort(message);
		}
	}

	@Test
	void getWithQueryOverIpv4() throws Exception {
		String output = coapClient("-m", "get", "coap://127.0.0.1:" + this.port + "/hello?name=x");
		assertThat(output.strip()).isEqualTo("Hello, x!");
	}

	@Test
	void getOverIpv6() throws Exception {
		String output = coapClient("-m", "get", "coap://[::1]:" + this.port + "/hello?name=libcoap");
		assertThat(output.strip()).isEqualTo("Hello, libcoap!");
	}

	@Test
	void discoveryOverIpv6ListsTheResource() throws Exception {
		String output = coapClient("-m", "get", "coap://[::1]:" + this.port + "/.well-known/core");
		assertThat(output).contains("</hello>").contains("title=\"Greeting\"").contains("ct=0");
		assertThat(output).doesNotContainPattern("\\b[45]\\.\\d\\d\\b");
	}

	@Test
	void discoveryListsEverySensorAsAConcreteObservableLink() throws Exception {
		String output = coapClient("-m", "get", "coap://127.0.0.1:" + this.port + "/.well-known/core");
		assertThat(output).contains("</sensors/1>;ct=\"50 60\";ep=\"coap-sample\";if=\"sensor\";obs;"
				+ "rt=\"temperature-c\";title=\"Kitchen\"")
			.contains("</sensors/2/celsius>;")
			.doesNotContain("{")
			.doesNotContain("}");
		String filtered = coapClient("-m", "get",
				"coap://127.0.0.1:" + this.port + "/.well-known/core?href=/sensors/2");
		assertThat(filtered.strip()).startsWith("</sensors/2>;").doesNotContain(",");
	}

	@Test
	void unknownPathIsReportedAsNotFound() throws Exception {
		String output = coapClient("-m", "get", "coap://127.0.0.1:" + this.port + "/missing");
		assertThat(output).contains("4.04");
	}

	@Test
	void observingASensorShowsTheSimulatedReadingsArrive() throws Exception {
		// -s 3: subscribe for three seconds; -w: a line per notification; the simulation changes it every second
		String output = coapClient("-w", "-s", "3", "coap://127.0.0.1:" + this.port + "/sensors/1");
		List<String> notifications = output.lines().filter((line) -> line.contains("\"name\":\"Kitchen\"")).toList();
		assertThat(notifications).as(output).hasSizeGreaterThanOrEqualTo(3);
		assertThat(notifications.stream().distinct().count()).as(output).isGreaterThan(1);
	}

	private String coapClient(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(findClient().toString());
		command.add("-B");
		command.add("10");
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
		try {
			if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				fail(String.join(" ", command) + " did not finish within " + PROCESS_TIMEOUT_SECONDS + " s");
			}
			return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static Path findClient() {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String directory : path.split(File.pathSeparator)) {
			Path candidate = Path.of(directory, CLIENT);
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}
