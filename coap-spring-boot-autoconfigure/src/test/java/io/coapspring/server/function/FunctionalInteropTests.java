package io.coapspring.server.function;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.coapspring.annotation.CoapMethod;
import io.coapspring.server.context.LocalCoapPort;
import io.coapspring.server.observe.CoapNotifier;
import io.coapspring.server.observe.ExternalObserver;
import io.coapspring.server.value.CoapResources;
import io.coapspring.server.value.CoapValueResource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Functional routes and run-time resources with two clients nobody here wrote: libcoap's
 * {@code coap-client-notls} (whose exit code is 0 even for a 4.xx answer, so its output is read) and aiocoap.
 * Missing clients skip these tests with a message naming the package, or fail them under {@code CI=true}.
 */
@FunctionalIntegrationTest
class FunctionalInteropTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalCoapPort
	int port;

	@Autowired
	CoapResources resources;

	@Autowired
	CoapNotifier notifier;

	private String uri(String pathAndQuery) {
		return "coap://127.0.0.1:" + this.port + pathAndQuery;
	}

	@Test
	void libcoapGetsAnAnswerToEveryMethodFromAFunctionalRoute() throws Exception {
		for (CoapMethod method : CoapMethod.values()) {
			try (ExternalObserver libcoap = ExternalObserver.libcoap("-w", "-m", method.name().toLowerCase(), "-B", "5",
					uri("/fn/echo"))) {
				libcoap.awaitExit();
				assertThat(libcoap.lines()).as(method.name()).contains(method.name());
			}
		}
	}

	@Test
	void libcoapDiscoversObservesAndLosesAResourceAddedAtRunTime() throws Exception {
		CoapValueResource<String> mode = this.resources.add("/rt/mode", String.class, "eco",
				(spec) -> spec.resourceType("mode").title("Mode"));
		try (ExternalObserver discovery = ExternalObserver.libcoap("-w", "-B", "5", uri("/.well-known/core?rt=mode"))) {
			discovery.awaitExit();
			assertThat(String.join("", discovery.lines())).contains("</rt/mode>").contains("rt=\"mode\"").contains("obs");
		}
		try (ExternalObserver libcoap = ExternalObserver.libcoap("-w", "-s", "20", "-B", "20", uri("/rt/mode"))) {
			libcoap.awaitLine("the registration response", "eco"::equals);
			await().atMost(WAIT).until(() -> this.notifier.getObserverCount("/rt/mode") == 1);
			mode.value("boost");
			libcoap.awaitLine("the notification", "boost"::equals);
			this.resources.remove("/rt/mode");
			libcoap.awaitLine("the final 4.04", (line) -> line.contains("4.04"));
			await().atMost(WAIT).until(() -> this.notifier.getObserverCount("/rt/mode") == 0);
		}
		try (ExternalObserver libcoap = ExternalObserver.libcoap("-w", "-B", "5", uri("/rt/mode"))) {
			libcoap.awaitExit();
			assertThat(String.join("\n", libcoap.lines())).contains("4.04");
		}
	}

	@Test
	void aiocoapObserverIsNotifiedOfEveryUpdateWithANewETagRevalidatesAndEndsWith404() throws Exception {
		CoapValueResource<String> level = this.resources.add("/rt/level", String.class, "1");
		try (ExternalObserver aiocoap = ExternalObserver.aiocoapScript(
				Path.of("src/test/resources/function/aiocoap_value.py"), uri("/rt/level"), "2", "15")) {
			aiocoap.awaitLine("the registration response", (line) -> line.startsWith("response 2.05 Content"));
			await().atMost(WAIT).until(() -> this.notifier.getObserverCount("/rt/level") == 1);
			level.value("2");
			aiocoap.awaitLine("notification 2", (line) -> line.startsWith("notification 2.05") && line.endsWith(" 2"));
			level.value("3");
			aiocoap.awaitLine("notification 3", (line) -> line.startsWith("notification 2.05") && line.endsWith(" 3"));
			aiocoap.awaitLine("the revalidation", (line) -> line.startsWith("revalidated"));
			this.resources.remove("/rt/level");
			aiocoap.awaitLine("the end", (line) -> line.startsWith("ended"));
			aiocoap.awaitExit();
			List<String> lines = aiocoap.lines();
			List<String> etags = lines.stream()
				.filter((line) -> line.startsWith("response 2.05") || line.startsWith("notification 2.05"))
				.map((line) -> line.split(" ")[3])
				.toList();
			assertThat(etags).as(lines.toString()).hasSize(3).doesNotHaveDuplicates().doesNotContain("-");
			assertThat(lines).contains("revalidated 2.03 Valid");
			assertThat(lines).as("the final response").anyMatch((line) -> line.startsWith("notification 4.04")
					|| line.startsWith("ended 4.04"));
		}
	}

}
