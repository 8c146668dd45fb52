package io.coapspring.interop;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.californium.core.coap.BlockOption;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TD_COAP_BLOCK_01 to 06 of the ETSI CoAP#4 plugtests: block-wise transfers (RFC 7959) of responses (Block2, early
 * and late negotiation), of requests (Block1) and of both in one exchange.
 */
final class BlockTestDescriptions {

	private static final int DESIRED_BLOCK_SIZE = 64;

	private BlockTestDescriptions() {
	}

	static List<TestDescription> all() {
		return List.of(
				TestDescription.of("TD_COAP_BLOCK_01",
						"Handle GET blockwise transfer for large resource (early negotiation)",
						(test) -> earlyNegotiation(test, DESIRED_BLOCK_SIZE)),
				TestDescription.of("TD_COAP_BLOCK_02",
						"Handle GET blockwise transfer for large resource (late negotiation)",
						BlockTestDescriptions::lateNegotiation),
				TestDescription.of("TD_COAP_BLOCK_03", "Handle PUT blockwise transfer for large resource",
						BlockTestDescriptions::put),
				TestDescription.of("TD_COAP_BLOCK_04", "Handle POST blockwise transfer for creating large resource",
						BlockTestDescriptions::create),
				TestDescription.of("TD_COAP_BLOCK_05", "Handle POST with two-way blockwise transfer",
						BlockTestDescriptions::twoWay),
				TestDescription.of("TD_COAP_BLOCK_06",
						"Handle GET blockwise transfer for large resource (early negotiation, 16 byte block size)",
						(test) -> earlyNegotiation(test, 16)));
	}

	/**
	 * TD_COAP_BLOCK_01 and 06: the first request asks for blocks of the desired size.
	 */
	private static void earlyNegotiation(PlugtestCase test, int desiredSize) {
		PeerResponse shown = test.send(PeerRequest.get(test.uri("/large")).block2Size(desiredSize));
		Conversation wire = test.wire();
		Request first = wire.requests().get(0);
		Checks.request(first, first.getType(), Code.GET);
		BlockOption block2 = first.getOptions().getBlock2();
		assertThat(block2).as("Block2 option of the first request").isNotNull();
		assertThat(block2.getNum()).as("NUM of the first Block2").isZero();
		assertThat(block2.isM()).as("M of the first Block2").isFalse();
		assertThat(block2.getSzx()).as("SZX of the first Block2").isEqualTo(BlockOption.size2Szx(desiredSize));
		byte[] body = block2Transfer(wire, ResponseCode.CONTENT, block2.getSzx());
		assertThat(body).as("body over the wire").isEqualTo(LargeText.create().payload());
		Checks.shows(shown, ResponseCode.CONTENT, body);
	}

	/**
	 * TD_COAP_BLOCK_02: the first request has no Block2 option; the server's block size applies.
	 */
	private static void lateNegotiation(PlugtestCase test) {
		PeerResponse shown = test.send(PeerRequest.get(test.uri("/large")));
		Conversation wire = test.wire();
		Request first = wire.requests().get(0);
		assertThat(first.getOptions().hasBlock2()).as("Block2 option of the first request").isFalse();
		Response firstResponse = wire.responseTo(first);
		BlockOption block2 = firstResponse.getOptions().getBlock2();
		assertThat(block2).as("Block2 option of the first response").isNotNull();
		assertThat(block2.getNum()).as("NUM of the first response").isZero();
		assertThat(block2.isM()).as("M of the first response").isTrue();
		byte[] body = block2Transfer(wire, ResponseCode.CONTENT, block2.getSzx());
		assertThat(body).as("body over the wire").isEqualTo(LargeText.create().payload());
		Checks.shows(shown, ResponseCode.CONTENT, body);
	}

	/**
	 * TD_COAP_BLOCK_03: the server acknowledges each block, and has the whole new representation at the end.
	 */
	private static void put(PlugtestCase test) {
		byte[] payload = payload("TD_COAP_BLOCK_03 updated /large-update", 1000);
		PeerResponse shown = test.send(PeerRequest.put(test.uri("/large-update")).payload(0, payload)
			.block1Size(DESIRED_BLOCK_SIZE));
		Response last = block1Transfer(test.wire(), Code.PUT, payload, ResponseCode.CHANGED);
		Checks.shows(shown, last);
		assertThat(test.store().get(BlockwiseController.LARGE_UPDATE).orElseThrow().payload())
			.as("the representation of /large-update on the server").isEqualTo(payload);
	}

	/**
	 * TD_COAP_BLOCK_04: the final response is 2.01 with the Location-Path large-create/PS, and a GET of it
	 * returns the new representation.
	 */
	private static void create(PlugtestCase test) {
		byte[] payload = payload("TD_COAP_BLOCK_04 created under /large-create", 1000);
		PeerResponse shown = test.send(PeerRequest.post(test.uri("/large-create")).payload(0, payload)
			.block1Size(DESIRED_BLOCK_SIZE));
		Response last = block1Transfer(test.wire(), Code.POST, payload, ResponseCode.CREATED);
		List<String> location = last.getOptions().getLocationPath();
		assertThat(location).as("Location-Path options").hasSize(2).first().isEqualTo("large-create");
		assertThat(location).as("Location-Path options")
			.allSatisfy((segment) -> assertThat(segment).doesNotContain("/"));
		Checks.shows(shown, last);
		test.tap().clear();
		PeerResponse created = test.send(PeerRequest.get(test.uri("/" + String.join("/", location))));
		assertThat(created.code()).as("code of the GET of the new resource").isEqualTo(ResponseCode.CONTENT.text);
		assertThat(created.payload()).as("the new resource").isEqualTo(payload);
	}

	/**
	 * TD_COAP_BLOCK_05: a request body in Block1 blocks and its response in Block2 blocks.
	 */
	private static void twoWay(PlugtestCase test) {
		// larger than a message (1,024 bytes), so that the response comes in blocks too
		byte[] payload = payload("TD_COAP_BLOCK_05 two-way", 1500);
		PeerResponse shown = test.send(PeerRequest.post(test.uri("/large-post")).payload(0, payload)
			.block1Size(DESIRED_BLOCK_SIZE));
		Conversation wire = test.wire();
		Response lastOfRequest = block1Transfer(wire, Code.POST, payload, ResponseCode.CHANGED);
		BlockOption block2 = lastOfRequest.getOptions().getBlock2();
		assertThat(block2).as("Block2 option of the response to the last block of the request").isNotNull();
		assertThat(block2.getNum()).as("NUM of that Block2").isZero();
		assertThat(block2.isM()).as("M of that Block2").isTrue();
		List<Request> requests = wire.requests();
		List<Request> retrieval = requests.stream().filter((request) -> request.getOptions().hasBlock2()).toList();
		assertThat(retrieval).as("requests retrieving further blocks of the response").isNotEmpty();
		for (Request request : retrieval) {
			assertThat(request.getCode()).as("method of the block retrieval").isEqualTo(Code.POST);
			assertThat(request.getOptions().hasBlock1()).as("Block1 option in the block retrieval").isFalse();
			assertThat(request.getPayloadSize()).as("payload of the block retrieval").isZero();
		}
		byte[] body = Conversation.body(wire.responses().stream()
			.filter((response) -> response.getOptions().hasBlock2())
			.toList());
		assertThat(body).as("response body over the wire").isEqualTo(payload);
		Checks.shows(shown, ResponseCode.CHANGED, body);
	}

	/**
	 * Check a Block2 transfer: every response has the code, a Block2 option with the number its request asked
	 * for, M set on all but the last block, full blocks of a size no larger than the desired one; return the body.
	 */
	private static byte[] block2Transfer(Conversation wire, ResponseCode code, int desiredSzx) {
		List<Request> requests = wire.requests();
		int actualSzx = -1;
		for (int i = 0; i < requests.size(); i++) {
			Request request = requests.get(i);
			Response response = wire.responseTo(request);
			Checks.code(response, code);
			BlockOption block2 = response.getOptions().getBlock2();
			assertThat(block2).as("Block2 option of response " + (i + 1)).isNotNull();
			if (actualSzx < 0) {
				actualSzx = block2.getSzx();
				assertThat(actualSzx).as("SZX chosen by the server").isLessThanOrEqualTo(desiredSzx);
			}
			assertThat(block2.getSzx()).as("SZX of response " + (i + 1)).isEqualTo(actualSzx);
			BlockOption asked = request.getOptions().getBlock2();
			if (asked != null) {
				assertThat(block2.getOffset()).as("offset of response " + (i + 1)).isEqualTo(asked.getOffset());
			}
			boolean last = (i == requests.size() - 1);
			assertThat(block2.isM()).as("M of response " + (i + 1)).isEqualTo(!last);
			if (last) {
				assertThat(response.getPayloadSize()).as("payload size of the last block")
					.isBetween(1, block2.getSize());
			}
			else {
				assertThat(response.getPayloadSize()).as("payload size of block " + (i + 1))
					.isEqualTo(block2.getSize());
			}
		}
		return Conversation.body(wire.responses());
	}

	/**
	 * Check a Block1 transfer: blocks of the desired size in order, M set on all but the last, each but the last
	 * answered 2.31 Continue (atomic) or the final code (stateless) with the block's Block1 option, the last
	 * answered with the final code and M unset; the blocks make the payload. Return the last response.
	 */
	private static Response block1Transfer(Conversation wire, Code method, byte[] payload, ResponseCode finalCode) {
		List<Request> blocks = wire.requests().stream().filter((request) -> request.getOptions().hasBlock1()).toList();
		assertThat(blocks).as("requests with a Block1 option").hasSizeGreaterThan(1);
		byte[] assembled = new byte[0];
		for (int i = 0; i < blocks.size(); i++) {
			Request request = blocks.get(i);
			assertThat(request.getCode()).as("method of block " + (i + 1)).isEqualTo(method);
			BlockOption block1 = request.getOptions().getBlock1();
			boolean last = (i == blocks.size() - 1);
			assertThat(block1.getNum()).as("NUM of block " + (i + 1)).isEqualTo(i);
			assertThat(block1.isM()).as("M of block " + (i + 1)).isEqualTo(!last);
			assertThat(block1.getSize()).as("size of block " + (i + 1)).isEqualTo(DESIRED_BLOCK_SIZE);
			if (!last) {
				assertThat(request.getPayloadSize()).as("payload size of block " + (i + 1)).isEqualTo(block1.getSize());
			}
			byte[] grown = new byte[assembled.length + request.getPayloadSize()];
			System.arraycopy(assembled, 0, grown, 0, assembled.length);
			System.arraycopy(request.getPayload(), 0, grown, assembled.length, request.getPayloadSize());
			assembled = grown;
			Response response = wire.responseTo(request);
			BlockOption echoed = response.getOptions().getBlock1();
			assertThat(echoed).as("Block1 option of the response to block " + (i + 1)).isNotNull();
			assertThat(echoed.getNum()).as("NUM of the response to block " + (i + 1)).isEqualTo(i);
			assertThat(echoed.getSzx()).as("SZX of the response to block " + (i + 1)).isEqualTo(block1.getSzx());
			if (last) {
				Checks.code(response, finalCode);
				assertThat(echoed.isM()).as("M of the final response").isFalse();
				assertThat(assembled).as("the payload, as sent in blocks").isEqualTo(payload);
				return response;
			}
			if (response.getCode() == ResponseCode.CONTINUE) {
				assertThat(echoed.isM()).as("M of 2.31 Continue (atomic)").isTrue();
			}
			else {
				Checks.code(response, finalCode);
				assertThat(echoed.isM()).as("M of a stateless response").isFalse();
			}
		}
		throw new AssertionError("No last block");
	}

	private static byte[] payload(String title, int size) {
		StringBuilder text = new StringBuilder(size);
		for (int line = 0; text.length() < size; line++) {
			text.append(String.format("%s, line %03d%n", title, line));
		}
		text.setLength(size);
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

}
