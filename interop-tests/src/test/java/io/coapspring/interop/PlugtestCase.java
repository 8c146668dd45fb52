package io.coapspring.interop;

import java.time.Duration;
import java.util.function.Predicate;

import io.coapspring.server.observe.CoapNotifier;

import static org.awaitility.Awaitility.await;

/**
 * One test description run with one client: the client, the wire tap between it and the server, and the
 * state of the server's resources.
 */
final class PlugtestCase {

	private final PlugtestClient client;

	private final WireTap tap;

	private final RepresentationStore store;

	private final CoapNotifier notifier;

	PlugtestCase(PlugtestClient client, WireTap tap, RepresentationStore store, CoapNotifier notifier) {
		this.client = client;
		this.tap = tap;
		this.store = store;
		this.notifier = notifier;
	}

	PlugtestClient client() {
		return this.client;
	}

	WireTap tap() {
		return this.tap;
	}

	RepresentationStore store() {
		return this.store;
	}

	/**
	 * Return the server's notifier, which counts the observers of a resource.
	 */
	CoapNotifier notifier() {
		return this.notifier;
	}

	/**
	 * Return the URI of a resource of the server, through the tap.
	 */
	String uri(String pathAndQuery) {
		return this.tap.uri(pathAndQuery);
	}

	/**
	 * Have the client send a request and return what it shows of the response.
	 */
	PeerResponse send(PeerRequest.Builder request) {
		return this.client.send(request.build());
	}

	/**
	 * Return what went over the wire so far.
	 */
	Conversation wire() {
		return new Conversation(this.tap.captured());
	}

	/**
	 * Wait until what went over the wire satisfies a condition (a client may show a response before it sent its
	 * ACK, a server retransmits after a while).
	 */
	Conversation awaitWire(String description, Predicate<Conversation> condition) {
		await(description).atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> condition.test(wire()));
		return wire();
	}

}
