package io.coapspring.interop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.coapspring.client.CoapObservation;
import io.coapspring.client.CoapRequestEntity;
import io.coapspring.client.CoapTemplate;
import io.coapspring.client.discovery.WebLink;
import io.coapspring.convert.CoapResponseEntity;
import org.eclipse.californium.core.coap.BlockOption;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scenarios {@code CoapTemplate} runs against servers nobody here wrote: GET (CON and NON), PUT, block-wise
 * transfers both ways, early negotiation of the block size, observation with proactive cancellation, and
 * discovery.
 */
final class TemplateScenarios {

	private static final int LARGE = 3000;

	private TemplateScenarios() {
	}

	static List<TemplateScenario> all() {
		return List.of(new TemplateScenario("GET", "GET, confirmable, piggybacked response", TemplateScenarios::get),
				new TemplateScenario("GET_NON", "GET, non-confirmable", TemplateScenarios::getNonConfirmable),
				new TemplateScenario("PUT", "PUT, then GET of what was stored", TemplateScenarios::put),
				new TemplateScenario("BLOCK1", "PUT of 3,000 bytes in Block1 blocks", TemplateScenarios::block1),
				new TemplateScenario("BLOCK2", "GET of 3,000 bytes in Block2 blocks (late negotiation)",
						TemplateScenarios::block2),
				new TemplateScenario("BLOCK2_EARLY", "GET in 64-byte Block2 blocks (early negotiation)",
						TemplateScenarios::block2Early),
				new TemplateScenario("OBSERVE", "Observe: three notifications in order, then proactive cancellation",
						TemplateScenarios::observe),
				new TemplateScenario("DISCOVERY", "Discovery: /.well-known/core parsed into web links",
						TemplateScenarios::discovery));
	}

	private static String through(WireTap tap, String path) {
		return tap.uri(path);
	}

	private static void get(CoapTemplate coap, PeerServer server, WireTap tap) {
		CoapResponseEntity<String> entity = coap.getForEntity(through(tap, server.textPath()), String.class);
		assertThat(entity.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(entity.getBody()).isNotBlank();
		Conversation wire = new Conversation(tap.captured());
		Request request = wire.request();
		Checks.request(request, Type.CON, Code.GET);
		Response response = Checks.piggybacked(wire, request);
		assertThat(response.getPayloadString()).as("payload on the wire").isEqualTo(entity.getBody());
	}

	private static void getNonConfirmable(CoapTemplate coap, PeerServer server, WireTap tap) {
		CoapResponseEntity<String> entity = coap.exchange(
				CoapRequestEntity.get(through(tap, server.textPath())).nonConfirmable().build(), String.class);
		assertThat(entity.getCode()).isEqualTo(ResponseCode.CONTENT);
		Conversation wire = new Conversation(tap.captured());
		Request request = wire.request();
		Checks.request(request, Type.NON, Code.GET);
		Response response = Checks.nonConfirmable(wire, request);
		assertThat(response.getPayloadString()).as("payload on the wire").isEqualTo(entity.getBody());
	}

	private static void put(CoapTemplate coap, PeerServer server, WireTap tap) {
		String text = "stored by CoapTemplate";
		coap.put(through(tap, server.storePath()), text);
		assertThat(coap.getForObject(through(tap, server.storePath()), String.class)).isEqualTo(text);
		Conversation wire = new Conversation(tap.captured());
		Request put = wire.requests().get(0);
		Checks.request(put, Type.CON, Code.PUT);
		assertThat(Checks.piggybacked(wire, put).getCode()).as("response to the PUT")
			.isIn(ResponseCode.CHANGED, ResponseCode.CREATED);
	}

	private static void block1(CoapTemplate coap, PeerServer server, WireTap tap) {
		byte[] body = body("Block1");
		coap.put(through(tap, server.storePath()), body);
		Conversation wire = new Conversation(tap.captured());
		List<Request> blocks = wire.requests();
		assertThat(blocks).as("PUT requests").hasSizeGreaterThan(1);
		int offset = 0;
		for (int i = 0; i < blocks.size(); i++) {
			BlockOption block1 = blocks.get(i).getOptions().getBlock1();
			assertThat(block1).as("Block1 option of request " + (i + 1)).isNotNull();
			assertThat(block1.getOffset()).as("offset of block " + (i + 1)).isEqualTo(offset);
			assertThat(block1.isM()).as("M of block " + (i + 1)).isEqualTo(i < blocks.size() - 1);
			offset += blocks.get(i).getPayloadSize();
			Response response = Checks.piggybacked(wire, blocks.get(i));
			assertThat(response.getCode()).as("response to block " + (i + 1))
				.isIn(ResponseCode.CONTINUE, ResponseCode.CHANGED, ResponseCode.CREATED);
		}
		assertThat(offset).as("bytes sent in blocks").isEqualTo(LARGE);
		tap.clear();
		assertThat(coap.getForObject(through(tap, server.storePath()), byte[].class)).as("stored body").isEqualTo(body);
	}

	private static void block2(CoapTemplate coap, PeerServer server, WireTap tap) {
		byte[] body = body("Block2");
		coap.put(through(tap, server.storePath()), body);
		tap.clear();
		assertThat(coap.getForObject(through(tap, server.storePath()), byte[].class)).isEqualTo(body);
		Conversation wire = new Conversation(tap.captured());
		List<Response> responses = wire.responses();
		assertThat(responses).as("responses").hasSizeGreaterThan(1);
		assertThat(wire.requests().get(0).getOptions().hasBlock2()).as("Block2 option of the first request").isFalse();
		assertThat(responses).allSatisfy((response) -> assertThat(response.getOptions().hasBlock2()).isTrue());
		assertThat(Conversation.body(responses)).as("body over the wire").isEqualTo(body);
	}

	private static void block2Early(CoapTemplate coap, PeerServer server, WireTap tap) {
		byte[] body = body("early negotiation");
		coap.put(through(tap, server.storePath()), body);
		tap.clear();
		CoapResponseEntity<byte[]> entity = coap
			.exchange(CoapRequestEntity.get(through(tap, server.storePath())).blockSize(64).build(), byte[].class);
		assertThat(entity.getBody()).isEqualTo(body);
		Conversation wire = new Conversation(tap.captured());
		BlockOption first = wire.requests().get(0).getOptions().getBlock2();
		assertThat(first).as("Block2 option of the first request").isNotNull();
		assertThat(first.getNum()).as("NUM of the first Block2").isZero();
		assertThat(first.getSize()).as("block size asked for").isEqualTo(64);
		List<Response> responses = wire.responses();
		assertThat(responses).allSatisfy((response) -> assertThat(response.getOptions().getBlock2().getSize())
			.as("block size of the responses").isLessThanOrEqualTo(64));
		assertThat(Conversation.body(responses)).as("body over the wire").isEqualTo(body);
	}

	private static void observe(CoapTemplate coap, PeerServer server, WireTap tap) {
		List<String> notifications = new CopyOnWriteArrayList<>();
		CoapObservation<String> observation = coap.observe(through(tap, server.observablePath()), String.class,
				notifications::add);
		try {
			await("three notifications").atMost(Duration.ofSeconds(10)).until(() -> notifications.size() >= 3);
		}
		finally {
			observation.cancel();
		}
		assertThat(observation.isActive()).isFalse();
		await("the proactive cancellation on the wire").atMost(Duration.ofSeconds(5))
			.until(() -> !cancellations(new Conversation(tap.captured())).isEmpty());
		Conversation wire = new Conversation(tap.captured());
		Request registration = wire.requests().get(0);
		assertThat(registration.getOptions().getObserve()).as("Observe option of the registration").isZero();
		List<Response> received = wire.responsesWithToken(registration);
		assertThat(received).as("notifications on the wire").hasSizeGreaterThanOrEqualTo(3);
		for (int i = 1; i < received.size(); i++) {
			if (received.get(i).getOptions().hasObserve()) {
				int previous = received.get(i - 1).getOptions().getObserve();
				int current = received.get(i).getOptions().getObserve();
				assertThat((current - previous) & 0xFFFFFF).as("Observe sequence increasing").isBetween(1, 1 << 23);
			}
		}
		List<Request> cancellations = cancellations(wire);
		assertThat(cancellations).as("proactive cancellation (GET with Observe 1)").hasSize(1);
		assertThat(cancellations.get(0).getToken()).as("token of the cancellation").isEqualTo(registration.getToken());
		int delivered = notifications.size();
		await("the end of notifications").pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
			.until(() -> notifications.size() == delivered);
	}

	private static List<Request> cancellations(Conversation wire) {
		return wire.requests()
			.stream()
			.filter((request) -> request.getOptions().hasObserve() && request.getOptions().getObserve() == 1)
			.toList();
	}

	private static void discovery(CoapTemplate coap, PeerServer server, WireTap tap) {
		List<WebLink> links = coap.discover(through(tap, ""));
		assertThat(links).extracting(WebLink::getTarget).contains(server.observablePath(), server.textPath());
		WebLink observable = links.stream()
			.filter((link) -> link.getTarget().equals(server.observablePath()))
			.findFirst()
			.orElseThrow();
		assertThat(observable.isObservable()).as("obs attribute of " + server.observablePath()).isTrue();
	}

	private static byte[] body(String title) {
		StringBuilder text = new StringBuilder(LARGE);
		for (int line = 0; text.length() < LARGE; line++) {
			text.append(String.format("CoapTemplate %s interop, line %03d%n", title, line));
		}
		text.setLength(LARGE);
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
