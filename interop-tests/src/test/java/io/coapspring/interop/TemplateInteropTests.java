package io.coapspring.interop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.coapspring.client.CoapTemplate;
import io.coapspring.interop.InteropMatrix.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.opentest4j.TestAbortedException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The other direction: the application's {@code CoapTemplate} against servers nobody here wrote, libcoap's
 * {@code coap-server-notls} and a small aiocoap server, through a {@link WireTap}. The outcomes make the matrix of
 * {@code target/interop-client.md} and {@code docs/interop.md}.
 */
@SpringBootTest(classes = TemplateInteropTests.ClientApplication.class, properties = "coap.server.enabled=false")
@TestInstance(Lifecycle.PER_CLASS)
class TemplateInteropTests {

	private static final List<TemplateScenario> SCENARIOS = TemplateScenarios.all();

	private final Map<String, LazyPeer<PeerServer>> servers = new LinkedHashMap<>();

	private final InteropMatrix matrix;

	@Autowired
	private CoapTemplate coap;

	TemplateInteropTests() {
		this.servers.put("libcoap", new LazyPeer<>(LibcoapPeerServer::start));
		this.servers.put("aiocoap", new LazyPeer<>(AiocoapPeerServer::start));
		Map<String, String> columns = new LinkedHashMap<>();
		this.servers.keySet().forEach((name) -> columns.put(name, name));
		this.matrix = new InteropMatrix("CoapTemplate scenario",
				SCENARIOS.stream().map((scenario) -> new String[] { scenario.id(), scenario.description() }).toList(),
				columns);
	}

	@TestFactory
	Stream<DynamicContainer> template() {
		return this.servers.keySet()
			.stream()
			.map((server) -> DynamicContainer.dynamicContainer(server, SCENARIOS.stream()
				.map((scenario) -> DynamicTest.dynamicTest(scenario.id() + " against " + server,
						() -> run(scenario, server)))));
	}

	private void run(TemplateScenario scenario, String serverName) throws Exception {
		PeerServer server;
		try {
			server = this.servers.get(serverName).get();
		}
		catch (TestAbortedException ex) {
			this.matrix.record(scenario.id(), serverName, Outcome.PEER_MISSING, ex.getMessage());
			throw ex;
		}
		catch (Throwable ex) {
			this.matrix.record(scenario.id(), serverName, Outcome.FAILED, null);
			throw ex;
		}
		this.matrix.name(serverName, server.name());
		try (WireTap tap = new WireTap(server.port())) {
			try {
				scenario.runner().run(this.coap, server, tap);
				this.matrix.record(scenario.id(), serverName, Outcome.PASSED, null);
			}
			catch (Throwable ex) {
				this.matrix.record(scenario.id(), serverName, Outcome.FAILED, null);
				throw new AssertionError(scenario.id() + " against " + server.name() + ": " + ex.getMessage()
						+ "\nOn the wire:\n" + new Conversation(tap.captured()), ex);
			}
		}
	}

	@AfterAll
	void publishMatrix() {
		this.servers.values().forEach(LazyPeer::close);
		InteropReport.publish("interop-client", this.matrix);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ClientApplication {

	}

}
