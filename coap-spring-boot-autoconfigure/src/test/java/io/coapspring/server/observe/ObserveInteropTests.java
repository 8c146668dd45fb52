package io.coapspring.server.observe;

import java.time.Duration;
import java.util.List;

import io.coapspring.server.context.LocalCoapPort;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Observing mapped resources with two clients nobody here wrote: libcoap's {@code coap-client-notls -s}, which
 * prints each notification, and aiocoap through its Python API (its command-line client shows only the first
 * notification).
 * <p>
 * An external client that ends without deregistering leaves its observe relation behind until a notification
 * to it goes unanswered, so the context of these tests is not handed on to other test classes, whose observer
 * counts would include such leftovers.
 */
@ObserveIntegrationTest
@DirtiesContext
class ObserveInteropTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalCoapPort
	int port;

	@Autowired
	CoapNotifier notifier;

	@Autowired
	ObservedController controller;

	@BeforeEach
	void reset() {
		this.controller.level.set(0);
	}

	private String uri(String pathAndQuery) {
		return "coap://127.0.0.1:" + this.port + pathAndQuery;
	}

	private void level(int value) {
		this.controller.level.set(value);
		this.notifier.changed("/level");
	}

	@Test
	void libcoapPrintsEveryNotificationAndDeregistersWhenItsSubscriptionEnds() throws Exception {
		try (ExternalObserver libcoap = ExternalObserver.libcoap("-w", "-s", "3", "-B", "5", uri("/level"))) {
			libcoap.awaitLine("the registration response 0", "0"::equals);
			await().atMost(WAIT).until(() -> this.notifier.getObserverCount("/level") == 1);
			for (int value = 1; value <= 3; value++) {
				level(value);
				String expected = String.valueOf(value);
				libcoap.awaitLine("notification " + expected, expected::equals);
			}
			libcoap.awaitExit();
			assertThat(libcoap.lines().stream().filter((line) -> line.matches("\\d+")).toList())
				.containsExactly("0", "1", "2", "3");
			// at the end of its subscription libcoap deregisters (or resets the next notification)
			await().atMost(WAIT).until(() -> {
				level(4);
				return this.notifier.getObserverCount("/level") == 0;
			});
		}
	}

	@Test
	void libcoapObserverWithAThresholdGetsCrossingsOnly() throws Exception {
		try (ExternalObserver libcoap = ExternalObserver.libcoap("-w", "-s", "3", "-B", "5", uri("/level?gt=10"))) {
			libcoap.awaitLine("the registration response 0", "0"::equals);
			await().atMost(WAIT).until(() -> this.notifier.getObserverCount("/level") == 1);
			int reads = this.controller.levelReads.get();
			level(5);
			await().atMost(WAIT).until(() -> this.controller.levelReads.get() > reads);
			level(12);
			libcoap.awaitLine("the crossing 12", "12"::equals);
			libcoap.awaitExit();
			assertThat(libcoap.lines().stream().filter((line) -> line.matches("\\d+")).toList())
				.containsExactly("0", "12");
		}
	}

	@Test
	void aiocoapReceivesEveryNotificationWithIncreasingObserveNumbers() throws Exception {
		try (ExternalObserver aiocoap = ExternalObserver.aiocoap(uri("/level"), "3", "8")) {
			aiocoap.awaitLine("the registration response", (line) -> line.startsWith("response 2.05 Content"));
			await().atMost(WAIT).until(() -> this.notifier.getObserverCount("/level") == 1);
			for (int value = 1; value <= 3; value++) {
				level(value);
				String expected = " " + value;
				aiocoap.awaitLine("notification " + value,
						(line) -> line.startsWith("notification 2.05 Content") && line.endsWith(expected));
			}
			aiocoap.awaitLine("the cancellation", "cancelled"::equals);
			// aiocoap forgets the observation without telling the server, ignores non-confirmable notifications and
			// resets the next confirmable one: the server's regular check (every fourth here) removes it
			await().atMost(WAIT).until(() -> {
				level(9);
				return this.notifier.getObserverCount("/level") == 0;
			});
			aiocoap.awaitExit();
			List<String> lines = aiocoap.lines();
			assertThat(lines).last().isEqualTo("cancelled");
			List<Integer> sequence = lines.stream()
				.filter((line) -> line.startsWith("response") || line.startsWith("notification"))
				.map((line) -> Integer.parseInt(line.split(" ")[3]))
				.toList();
			assertThat(sequence).hasSize(4).isSorted().doesNotHaveDuplicates();
		}
	}

	@Test
	void aiocoapSeesAStreamEndWithAFinalResponseWithoutObserve() throws Exception {
		try (ExternalObserver aiocoap = ExternalObserver.aiocoap(uri("/countdown/2"), "10", "8")) {
			aiocoap.awaitExit();
			List<String> lines = aiocoap.lines();
			assertThat(lines).hasSize(5);
			assertThat(lines.get(0)).matches("response 2.05 Content \\d+ 2");
			assertThat(lines.get(1)).matches("notification 2.05 Content \\d+ 1");
			assertThat(lines.get(2)).matches("notification 2.05 Content \\d+ 0");
			// the final response repeats the last element without Observe option, and ends the observation
			assertThat(lines.subList(3, 5)).containsExactly("notification 2.05 Content - 0", "ended");
		}
	}

}
