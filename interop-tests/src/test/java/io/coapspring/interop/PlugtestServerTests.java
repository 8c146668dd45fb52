package io.coapspring.interop;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.interop.InteropMatrix.Outcome;
import io.coapspring.server.context.LocalCoapPort;
import io.coapspring.server.observe.CoapNotifier;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The plugtest server under test, driven over real UDP by three clients nobody here wrote (libcoap, aiocoap,
 * node-coap) through the ETSI CoAP#4 test descriptions: one dynamic test per description and client. Every
 * exchange goes through a {@link WireTap} whose capture the checks judge. The outcomes make the matrix of
 * {@code target/interop-server.md} and {@code docs/interop.md}.
 * <p>
 * The server retransmits after 500 ms (no random factor) rather than 2 to 3 s, and twice rather than four times,
 * so that the lossy descriptions and the detection of a silent observer take seconds, not minutes; it
 * acknowledges a CON request after 400 ms rather than 50 ms, so that a busy build machine does not turn a
 * piggybacked response into a separate one, and {@code /separate} takes 800 ms; {@code /obs} changes every
 * 300 ms. The system property
 * {@code interop.filter} (a regular expression) runs only the descriptions whose identifier it finds, for
 * instance {@code -Dinterop.filter=BLOCK_0[12]}.
 */
@SpringBootTest(classes = PlugtestApplication.class,
		properties = { "coap.server.port=0", "coap.network.ack-timeout=500ms", "coap.network.ack-random-factor=1.0",
				"coap.network.max-retransmit=2", "coap.network.piggyback-reply=400ms", "plugtest.separate-delay=800ms",
				"plugtest.observe-interval=300ms" })
@TestInstance(Lifecycle.PER_CLASS)
class PlugtestServerTests {

	private static final List<TestDescription> DESCRIPTIONS = TestDescriptions.all();

	private static final List<String> OBSERVABLE = List.of("/obs", "/obs-non", "/validate");

	private final Map<String, LazyPeer<PlugtestClient>> clients = new LinkedHashMap<>();

	private final InteropMatrix matrix;

	@LocalCoapPort
	private int port;

	@Autowired
	private RepresentationStore store;

	@Autowired
	private ObservableState observable;

	@Autowired
	private CoapNotifier notifier;

	PlugtestServerTests() {
		this.clients.put("libcoap", new LazyPeer<>(PlugtestClients::libcoap));
		this.clients.put("aiocoap", new LazyPeer<>(PlugtestClients::aiocoap));
		this.clients.put("node-coap", new LazyPeer<>(PlugtestClients::nodeCoap));
		Map<String, String> columns = new LinkedHashMap<>();
		this.clients.keySet().forEach((name) -> columns.put(name, name));
		this.matrix = new InteropMatrix("Test description",
				DESCRIPTIONS.stream().map((description) -> new String[] { description.id(), description.objective() })
					.toList(),
				columns);
	}

	@TestFactory
	Stream<DynamicContainer> plugtests() {
		Pattern filter = Pattern.compile(System.getProperty("interop.filter", ""));
		return this.clients.keySet()
			.stream()
			.map((client) -> DynamicContainer.dynamicContainer(client, DESCRIPTIONS.stream()
				.filter((description) -> filter.matcher(description.id()).find())
				.map((description) -> DynamicTest.dynamicTest(description.id() + " with " + client,
						() -> run(description, client)))));
	}

	private void run(TestDescription description, String clientName) throws Exception {
		if (description.notApplicable() != null) {
			this.matrix.record(description.id(), clientName,
					description.pending() ? Outcome.PENDING : Outcome.NOT_APPLICABLE, description.notApplicable());
			abort(description.notApplicable());
		}
		PlugtestClient client;
		try {
			client = this.clients.get(clientName).get();
		}
		catch (TestAbortedException ex) {
			this.matrix.record(description.id(), clientName, Outcome.PEER_MISSING, ex.getMessage());
			throw ex;
		}
		catch (Throwable ex) {
			this.matrix.record(description.id(), clientName, Outcome.FAILED, null);
			throw ex;
		}
		this.matrix.name(clientName, client.name());
		resetServer();
		try (WireTap tap = new WireTap(this.port)) {
			client.startSession();
			try {
				description.runner().run(new PlugtestCase(client, tap, this.store, this.notifier));
				this.matrix.record(description.id(), clientName, Outcome.PASSED, null);
			}
			catch (NotExpressibleException ex) {
				String reason = client.name() + ": " + ex.getMessage();
				this.matrix.record(description.id(), clientName, Outcome.NOT_EXPRESSIBLE, reason);
				abort(reason);
			}
			catch (Throwable ex) {
				this.matrix.record(description.id(), clientName, Outcome.FAILED, null);
				throw new AssertionError(description.id() + " with " + client.name() + ": " + ex.getMessage()
						+ "\nOn the wire:\n" + new Conversation(tap.captured()), ex);
			}
		}
	}

	/**
	 * Return the resources to their initial state and end the observations left by earlier cases (as a restart
	 * of a plugtest server would), so that every case starts from the state its description expects.
	 */
	private void resetServer() {
		this.store.reset();
		this.observable.reset();
		for (String observable : OBSERVABLE) {
			this.notifier.notify(observable, CoapResponseEntity.status(ResponseCode.SERVICE_UNAVAILABLE).build());
		}
		await("the end of earlier observations").atMost(Duration.ofSeconds(5))
			.until(() -> OBSERVABLE.stream().allMatch((observable) -> this.notifier.getObserverCount(observable) == 0));
	}

	@AfterAll
	void publishMatrix() {
		this.clients.values().forEach(LazyPeer::close);
		InteropReport.publish("interop-server", this.matrix);
	}

}
