package io.coapspring.interop;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.coapspring.interop.WireTap.Direction;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TD_COAP_CORE_01 to 31 of the ETSI CoAP#4 plugtests: methods, CON and NON, separate responses, tokens, options,
 * paths and queries, losses, conditional requests, ping.
 */
final class CoreTestDescriptions {

	private static final String REVERSE_PROXY = "needs a reverse proxy between client and server (CoAP_CFG_03); "
			+ "CoAP Spring Boot's proxy is a forward proxy";

	private CoreTestDescriptions() {
	}

	static List<TestDescription> all() {
		return List.of(
				TestDescription.of("TD_COAP_CORE_01", "Perform GET transaction (CON mode)",
						(test) -> method(test, Code.GET, false)),
				TestDescription.of("TD_COAP_CORE_02", "Perform DELETE transaction (CON mode)",
						(test) -> method(test, Code.DELETE, false)),
				TestDescription.of("TD_COAP_CORE_03", "Perform PUT transaction (CON mode)",
						(test) -> method(test, Code.PUT, false)),
				TestDescription.of("TD_COAP_CORE_04", "Perform POST transaction (CON mode)",
						(test) -> method(test, Code.POST, false)),
				TestDescription.of("TD_COAP_CORE_05", "Perform GET transaction (NON mode)",
						(test) -> method(test, Code.GET, true)),
				TestDescription.of("TD_COAP_CORE_06", "Perform DELETE transaction (NON mode)",
						(test) -> method(test, Code.DELETE, true)),
				TestDescription.of("TD_COAP_CORE_07", "Perform PUT transaction (NON mode)",
						(test) -> method(test, Code.PUT, true)),
				TestDescription.of("TD_COAP_CORE_08", "Perform POST transaction (NON mode)",
						(test) -> method(test, Code.POST, true)),
				TestDescription.of("TD_COAP_CORE_09",
						"Perform GET transaction with separate response (CON mode, no piggyback)",
						(test) -> separate(test, false)),
				TestDescription.of("TD_COAP_CORE_10", "Perform GET transaction containing non-empty Token (CON mode)",
						CoreTestDescriptions::nonEmptyToken),
				TestDescription.of("TD_COAP_CORE_11",
						"Perform GET transaction containing non-empty Token with a separate response (CON mode)",
						(test) -> separate(test, true)),
				TestDescription.of("TD_COAP_CORE_12", "Perform GET transaction using empty Token (CON mode)",
						CoreTestDescriptions::emptyToken),
				TestDescription.of("TD_COAP_CORE_13",
						"Perform GET transaction containing several URI-Path options (CON mode)",
						CoreTestDescriptions::uriPath),
				TestDescription.of("TD_COAP_CORE_14",
						"Perform GET transaction containing several URI-Query options (CON mode)",
						CoreTestDescriptions::uriQuery),
				TestDescription.of("TD_COAP_CORE_15",
						"Perform GET transaction (CON mode, piggybacked response) in a lossy context",
						CoreTestDescriptions::lossyPiggybacked),
				TestDescription.of("TD_COAP_CORE_16",
						"Perform GET transaction (CON mode, delayed response) in a lossy context",
						CoreTestDescriptions::lossySeparate),
				TestDescription.of("TD_COAP_CORE_17", "Perform GET transaction with a separate response (NON mode)",
						CoreTestDescriptions::separateNonConfirmable),
				TestDescription.of("TD_COAP_CORE_18",
						"Perform POST transaction with responses containing several Location-Path options (CON mode)",
						CoreTestDescriptions::locationPath),
				TestDescription.of("TD_COAP_CORE_19",
						"Perform POST transaction with responses containing several Location-Query options (CON mode)",
						CoreTestDescriptions::locationQuery),
				TestDescription.of("TD_COAP_CORE_20", "Perform GET transaction containing the Accept option (CON mode)",
						CoreTestDescriptions::accept),
				TestDescription.of("TD_COAP_CORE_21", "Perform GET transaction containing the ETag option (CON mode)",
						CoreTestDescriptions::etag),
				TestDescription.of("TD_COAP_CORE_22",
						"Perform GET transaction with responses containing the ETag option and requests containing "
								+ "the If-Match option (CON mode)",
						CoreTestDescriptions::ifMatch),
				TestDescription.of("TD_COAP_CORE_23",
						"Perform PUT transaction containing the If-None-Match option (CON mode)",
						CoreTestDescriptions::ifNoneMatch),
				TestDescription.notApplicable("TD_COAP_CORE_24",
						"Perform POST transaction with responses containing several Location-Path options "
								+ "(Reverse proxy)",
						REVERSE_PROXY),
				TestDescription.notApplicable("TD_COAP_CORE_25",
						"Perform POST transaction with responses containing several Location-Query options "
								+ "(Reverse proxy)",
						REVERSE_PROXY),
				TestDescription.notApplicable("TD_COAP_CORE_26",
						"Perform GET transaction containing the Accept option (Reverse proxy)", REVERSE_PROXY),
				TestDescription.notApplicable("TD_COAP_CORE_27",
						"Perform GET transaction with responses containing the ETag option and requests containing "
								+ "the If-Match option (Reverse proxy)",
						REVERSE_PROXY),
				TestDescription.notApplicable("TD_COAP_CORE_28",
						"Perform GET transaction with responses containing the ETag option and requests containing "
								+ "the If-None-Match option (Reverse proxy)",
						REVERSE_PROXY),
				TestDescription.notApplicable("TD_COAP_CORE_29",
						"Perform GET transaction with responses containing the Max-Age option (Reverse proxy)",
						REVERSE_PROXY),
				TestDescription.notApplicable("TD_COAP_CORE_30",
						"Perform GET transaction with responses containing the ETag option and requests containing "
								+ "the ETag option (Reverse proxy)",
						REVERSE_PROXY),
				TestDescription.of("TD_COAP_CORE_31", "Perform CoAP Ping (CON mode)", CoreTestDescriptions::ping));
	}

	/**
	 * TD_COAP_CORE_01 to 08: a method on {@code /test}, CON (piggybacked response) or NON (NON response).
	 */
	private static void method(PlugtestCase test, Code code, boolean nonConfirmable) {
		PeerRequest.Builder request = switch (code) {
			case GET -> PeerRequest.get(test.uri("/test"));
			case DELETE -> PeerRequest.delete(test.uri("/test"));
			case PUT -> PeerRequest.put(test.uri("/test")).text("Payload of a PUT request");
			case POST -> PeerRequest.post(test.uri("/test")).text("Payload of a POST request");
			default -> throw new IllegalArgumentException(code.name());
		};
		if (nonConfirmable) {
			request.nonConfirmable();
		}
		PeerResponse shown = test.send(request);
		Conversation wire = test.wire();
		Request sent = wire.request();
		Checks.request(sent, nonConfirmable ? Type.NON : Type.CON, code);
		if (code == Code.PUT || code == Code.POST) {
			assertThat(sent.getOptions().hasContentFormat()).as("Content-Format option of the request").isTrue();
		}
		Response response = nonConfirmable ? Checks.nonConfirmable(wire, sent) : Checks.piggybacked(wire, sent);
		switch (code) {
			case GET -> {
				Checks.code(response, ResponseCode.CONTENT);
				Checks.contentFormatAndPayload(response);
			}
			case DELETE -> Checks.code(response, ResponseCode.DELETED);
			case PUT -> assertThat(response.getCode()).as("response code")
				.isIn(ResponseCode.CHANGED, ResponseCode.CREATED);
			default -> assertThat(response.getCode()).as("response code")
				.isIn(ResponseCode.CREATED, ResponseCode.CHANGED);
		}
		Checks.contentFormatIfPayload(response);
		Checks.shows(shown, response);
	}

	/**
	 * TD_COAP_CORE_09 and 11: a CON GET on {@code /separate} gets an empty ACK, then the response in a CON
	 * message that the client acknowledges.
	 */
	private static void separate(PlugtestCase test, boolean checkToken) {
		PeerResponse shown = test.send(PeerRequest.get(test.uri("/separate")));
		Conversation wire = test.wire();
		Request sent = wire.request();
		Checks.request(sent, Type.CON, Code.GET);
		if (checkToken) {
			Checks.nonEmptyToken(sent);
		}
		List<EmptyMessage> acks = wire.emptyFromServer(sent.getMID());
		assertThat(acks).as("empty ACK of the server with the request's message ID").isNotEmpty();
		assertThat(acks.get(0).getType()).as("type of the empty message").isEqualTo(Type.ACK);
		Response response = wire.responseTo(sent);
		assertThat(response.getType()).as("type of the separate response").isEqualTo(Type.CON);
		assertThat(response.getToken()).as("token of the separate response").isEqualTo(sent.getToken());
		Checks.code(response, ResponseCode.CONTENT);
		Checks.contentFormatAndPayload(response);
		test.awaitWire("the client's empty ACK of the separate response",
				(conversation) -> !conversation.emptyFromClient(response.getMID()).isEmpty());
		Checks.shows(shown, response);
	}

	/**
	 * TD_COAP_CORE_10.
	 */
	private static void nonEmptyToken(PlugtestCase test) {
		PeerResponse shown = test.send(PeerRequest.get(test.uri("/test")));
		Conversation wire = test.wire();
		Request sent = wire.request();
		Checks.request(sent, Type.CON, Code.GET);
		Checks.nonEmptyToken(sent);
		Response response = Checks.piggybacked(wire, sent);
		Checks.code(response, ResponseCode.CONTENT);
		Checks.contentFormatAndPayload(response);
		Checks.shows(shown, response);
	}

	/**
	 * TD_COAP_CORE_12: "Not all clients may be able to send a zero-length Token".
	 */
	private static void emptyToken(PlugtestCase test) {
		PeerResponse shown = test.send(PeerRequest.get(test.uri("/test")).token(new byte[0]));
		Conversation wire = test.wire();
		Request sent = wire.request();
		Checks.request(sent, Type.CON, Code.GET);
		assertThat(sent.getToken().length()).as("length of the token").isZero();
		Response response = Checks.piggybacked(wire, sent);
		Checks.code(response, ResponseCode.CONTENT);
		Checks.contentFormatAndPayload(response);
		Checks.shows(shown, response);
	}

	/**
	 * TD_COAP_CORE_13.
	 */
	private static void uriPath(PlugtestCase test) {
		PeerResponse shown = test.send(PeerRequest.get(test.uri("/seg1/seg2/seg3")));
		Conversation wire = test.wire();
		Request sent = wire.request();
		Checks.request(sent, Type.CON, Code.GET);
		assertThat(sent.getOptions().getUriPath()).as("Uri-Path options").containsExactly("seg1", "seg2", "seg3");
		Response response = Checks.piggybacked(wire, sent);
		Checks.code(response, ResponseCode.CONTENT);
		Checks.contentFormatAndPayload(response);
		Checks.shows(shown, response);
	}

	/**
	 * TD_COAP_CORE_14.
	 */
	private static void uriQuery(PlugtestCase test) {
		PeerResponse shown = test.send(PeerRequest.get(test.uri("/query?first=1&second=2&third=3")));
		Conversation wire = test.wire();
		Request sent = wire.request();
		Checks.request(sent, Type.CON, Code.GET);
		assertThat(sent.getOptions().getUriQuery()).as("Uri-Query options")
			.containsExactly("first=1", "second=2", "third=3");
		Response response = Checks.piggybacked(wire, sent);
		Checks.code(response, ResponseCode.CONTENT);
		Checks.contentFormatAndPayload(response);
		assertThat(response.getPayloadString()).as("what the server received").contains("first=1&second=2&third=3");
		Checks.shows(shown, response);
	}

	/**
	 * TD_COAP_CORE_15: once with the first request lost, once with the first response lost; the client
	 * retransmits both times, and the server answers the retransmission from its deduplication cache.
	 */
	private static void lossyPiggybacked(PlugtestCase test) {
		test.tap().drop(Direction.TO_SERVER, Request.class::isInstance, 1);
		PeerResponse shown = test.send(PeerRequest.get(test.uri("/test")));
		Conversation wire = test.wire();
		Request sent = wire.request();
		Checks.request(sent, Type.CON, Code.GET);
		assertThat(wire.transmissions(Direction.TO_SERVER, (message) -> message.getMID() == sent.getMID()))
			.as("transmissions of the request whose first transmission was lost").isGreaterThanOrEqualTo(2);
		Response response = Checks.piggybacked(wire, sent);
		Checks.code(response, ResponseCode.CONTENT);
		Checks.contentFormatAndPayload(response);
		Checks.shows(shown, response);

		test.tap().clear();
		test.tap().drop(Direction.TO_CLIENT, Response.class::isInstance, 1);
		PeerResponse shownAgain = test.send(PeerRequest.get(test.uri("/test")));
		Conversation lossyResponse = test.wire();
		Request retried = lossyResponse.request();
		assertThat(lossyResponse.transmissions(Direction.TO_SERVER, (message) -> message.getMID() == retried.getMID()))
			.as("transmissions of the request whose response was lost").isGreaterThanOrEqualTo(2);
		assertThat(lossyResponse.transmissions(Direction.TO_CLIENT,
				(message) -> message instanceof Response && message.getMID() == retried.getMID()))
			.as("transmissions of the response (the lost one, then the answer to the retransmitted request)")
			.isGreaterThanOrEqualTo(2);
		Response resent = Checks.piggybacked(lossyResponse, retried);
		Checks.code(resent, ResponseCode.CONTENT);
		Checks.shows(shownAgain, resent);
	}

	/**
	 * TD_COAP_CORE_16: in one exchange the first request, the server's empty ACK, the first transmission of the
	 * separate response and the client's first ACK of it are lost; the request and the response are
	 * retransmitted, and the arrival of the CON response stops the client's retransmissions of the request.
	 */
	private static void lossySeparate(PlugtestCase test) {
		WireTap tap = test.tap();
		tap.drop(Direction.TO_SERVER, Request.class::isInstance, 1);
		tap.drop(Direction.TO_CLIENT, (message) -> message instanceof EmptyMessage && message.getType() == Type.ACK,
				1);
		tap.drop(Direction.TO_CLIENT, (message) -> message instanceof Response && message.getType() == Type.CON, 1);
		tap.drop(Direction.TO_SERVER, (message) -> message instanceof EmptyMessage && message.getType() == Type.ACK,
				1);
		PeerResponse shown = test.send(PeerRequest.get(test.uri("/separate")));
		Conversation wire = test.wire();
		Request sent = wire.request();
		Checks.request(sent, Type.CON, Code.GET);
		assertThat(wire.transmissions(Direction.TO_SERVER, (message) -> message.getMID() == sent.getMID()))
			.as("transmissions of the request").isGreaterThanOrEqualTo(2);
		assertThat(wire.emptyFromServer(sent.getMID())).as("empty ACKs of the server").isNotEmpty();
		Response response = wire.responseTo(sent);
		assertThat(response.getType()).as("type of the separate response").isEqualTo(Type.CON);
		Checks.code(response, ResponseCode.CONTENT);
		Checks.contentFormatAndPayload(response);
		// the loss of the client's first ACK makes the server retransmit the response once more; a client that is
		// still running acknowledges that retransmission too (libcoap's coap-client has ended by then)
		Conversation acknowledged = test.awaitWire("the retransmission of the response after the loss of its ACK",
				(conversation) -> conversation.transmissions(Direction.TO_CLIENT,
						(message) -> message instanceof Response && message.getMID() == response.getMID()) >= 3);
		assertThat(acknowledged.emptyFromClient(response.getMID())).as("empty ACKs of the client").isNotEmpty();
		assertThat(acknowledged.requestTransmissionsAfterFirstDelivery(sent.getMID(), response.getMID()))
			.as("retransmissions of the request after the CON response arrived").isZero();
		Checks.shows(shown, response);
	}

	/**
	 * TD_COAP_CORE_17: no empty ACK for a NON request; the response comes as NON.
	 */
	private static void separateNonConfirmable(PlugtestCase test) {
		PeerResponse shown = test.send(PeerRequest.get(test.uri("/separate")).nonConfirmable());
		Conversation wire = test.wire();
		Request sent = wire.request();
		Checks.request(sent, Type.NON, Code.GET);
		assertThat(wire.emptyFromServer(sent.getMID())).as("empty ACK of the server for a NON request").isEmpty();
		Response response = Checks.nonConfirmable(wire, sent);
		Checks.code(response, ResponseCode.CONTENT);
		Checks.contentFormatAndPayload(response);
		Checks.shows(shown, response);
	}

	/**
	 * TD_COAP_CORE_18.
	 */
	private static void locationPath(PlugtestCase test) {
		PeerResponse shown = test.send(PeerRequest.post(test.uri("/test")).text("TD_COAP_CORE_18"));
		Conversation wire = test.wire();
		Request sent = wire.request();
		Checks.request(sent, Type.CON, Code.POST);
		assertThat(sent.getOptions().hasContentFormat()).as("Content-Format option of the request").isTrue();
		Response response = Checks.piggybacked(wire, sent);
		Checks.code(response, ResponseCode.CREATED);
		assertThat(response.getOptions().getLocationPath()).as("Location-Path options")
			.containsExactly("location1", "location2", "location3");
		Checks.shows(shown, response);
	}

	/**
	 * TD_COAP_CORE_19.
	 */
	private static void locationQuery(PlugtestCase test) {
		PeerResponse shown = test.send(PeerRequest.post(test.uri("/location-query")).text("TD_COAP_CORE_19"));
		Conversation wire = test.wire();
		Request sent = wire.request();
		Checks.request(sent, Type.CON, Code.POST);
		Response response = Checks.piggybacked(wire, sent);
		Checks.code(response, ResponseCode.CREATED);
		Checks.contentFormatIfPayload(response);
		assertThat(response.getOptions().getLocationQuery()).as("Location-Query options")
			.containsExactly("first=1", "second=2");
		Checks.shows(shown, response);
	}

	/**
	 * TD_COAP_CORE_20: text/plain (0), then application/xml (41).
	 */
	private static void accept(PlugtestCase test) {
		PeerResponse text = test.send(PeerRequest.get(test.uri("/multi-format")).accept(0));
		PeerResponse xml = test.send(PeerRequest.get(test.uri("/multi-format")).accept(41));
		Conversation wire = test.wire();
		List<Request> sent = wire.requests();
		assertThat(sent).as("requests").hasSize(2);
		for (int i = 0; i < 2; i++) {
			int format = (i == 0) ? 0 : 41;
			Checks.request(sent.get(i), Type.CON, Code.GET);
			assertThat(sent.get(i).getOptions().getAccept()).as("Accept option of request " + (i + 1))
				.isEqualTo(format);
			Response response = Checks.piggybacked(wire, sent.get(i));
			Checks.code(response, ResponseCode.CONTENT);
			assertThat(response.getOptions().getContentFormat()).as("Content-Format of response " + (i + 1))
				.isEqualTo(format);
			Checks.shows((i == 0) ? text : xml, response);
		}
		assertThat(xml.text()).as("the application/xml representation").startsWith("<");
	}

	/**
	 * TD_COAP_CORE_21: 2.05 with an ETag, 2.03 for a request with the current ETag, 2.05 with another ETag
	 * once a client changed the resource.
	 */
	private static void etag(PlugtestCase test) {
		PeerResponse first = test.send(PeerRequest.get(test.uri("/validate")));
		Response firstResponse = lastResponse(test);
		Checks.code(firstResponse, ResponseCode.CONTENT);
		assertThat(firstResponse.getOptions().getETags()).as("ETag options of the first response").hasSize(1);
		assertThat(firstResponse.getPayloadSize()).as("payload size of the first response").isPositive();
		byte[] etag1 = firstResponse.getOptions().getETags().get(0);
		Checks.shows(first, firstResponse);

		PeerResponse valid = test.send(PeerRequest.get(test.uri("/validate")).etag(etag1));
		Request validation = lastRequest(test);
		assertThat(validation.getOptions().getETags()).as("ETag options of the validating request")
			.containsExactly(etag1);
		Response validResponse = Checks.piggybacked(test.wire(), validation);
		Checks.code(validResponse, ResponseCode.VALID);
		assertThat(validResponse.getOptions().getETags()).as("ETag of the 2.03 response").containsExactly(etag1);
		assertThat(validResponse.getPayloadSize()).as("payload size of the 2.03 response").isZero();
		Checks.shows(valid, validResponse);

		PeerResponse updated = test.send(PeerRequest.put(test.uri("/validate")).text("TD_COAP_CORE_21: updated"));
		assertThat(updated.code()).as("code of the update").isEqualTo(ResponseCode.CHANGED.text);

		PeerResponse changed = test.send(PeerRequest.get(test.uri("/validate")).etag(etag1));
		Response changedResponse = Checks.piggybacked(test.wire(), lastRequest(test));
		Checks.code(changedResponse, ResponseCode.CONTENT);
		assertThat(changedResponse.getOptions().getETags()).as("ETag options after the update").hasSize(1);
		assertThat(changedResponse.getOptions().getETags().get(0)).as("ETag after the update").isNotEqualTo(etag1);
		assertThat(changedResponse.getPayload()).as("payload after the update")
			.isNotEqualTo(firstResponse.getPayload());
		Checks.shows(changed, changedResponse);
	}

	/**
	 * TD_COAP_CORE_22: an update with the current ETag in If-Match succeeds, one with a stale ETag gets 4.12 and
	 * leaves the resource unchanged.
	 */
	private static void ifMatch(PlugtestCase test) {
		test.send(PeerRequest.get(test.uri("/validate")));
		Response initial = lastResponse(test);
		assertThat(initial.getOptions().getETags()).as("ETag options of the first response").hasSize(1);
		byte[] etag1 = initial.getOptions().getETags().get(0);

		String step5 = "TD_COAP_CORE_22: atomic update";
		PeerResponse update = test.send(PeerRequest.put(test.uri("/validate")).ifMatch(etag1).text(step5));
		Request conditional = lastRequest(test);
		assertThat(conditional.getOptions().getIfMatch()).as("If-Match options").containsExactly(etag1);
		Response changed = Checks.piggybacked(test.wire(), conditional);
		Checks.code(changed, ResponseCode.CHANGED);
		Checks.shows(update, changed);

		PeerResponse current = test.send(PeerRequest.get(test.uri("/validate")));
		Response currentResponse = lastResponse(test);
		Checks.code(currentResponse, ResponseCode.CONTENT);
		assertThat(currentResponse.getOptions().getETags()).as("ETag options after the update").hasSize(1);
		byte[] etag2 = currentResponse.getOptions().getETags().get(0);
		assertThat(etag2).as("ETag after the update").isNotEqualTo(etag1);
		assertThat(current.text()).as("payload after the update").isEqualTo(step5);

		PeerResponse other = test.send(PeerRequest.put(test.uri("/validate")).text("TD_COAP_CORE_22: other client"));
		assertThat(other.code()).as("code of the unconditional update").isEqualTo(ResponseCode.CHANGED.text);

		PeerResponse stale = test.send(PeerRequest.put(test.uri("/validate")).ifMatch(etag2)
			.text("TD_COAP_CORE_22: must not be stored"));
		Request staleRequest = lastRequest(test);
		assertThat(staleRequest.getOptions().getIfMatch()).as("If-Match options").containsExactly(etag2);
		Response failed = Checks.piggybacked(test.wire(), staleRequest);
		Checks.code(failed, ResponseCode.PRECONDITION_FAILED);
		assertThat(stale.code()).as("code the client shows").isEqualTo(ResponseCode.PRECONDITION_FAILED.text);
		assertThat(test.store().get(ValidationController.VALIDATE).orElseThrow().payload())
			.as("the resource after the failed update")
			.isEqualTo("TD_COAP_CORE_22: other client".getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * TD_COAP_CORE_23: the first PUT with If-None-Match creates {@code /create1}, the second gets 4.12.
	 */
	private static void ifNoneMatch(PlugtestCase test) {
		PeerResponse created = test.send(PeerRequest.put(test.uri("/create1")).ifNoneMatch().text("TD_COAP_CORE_23"));
		Request first = lastRequest(test);
		assertThat(first.getOptions().hasIfNoneMatch()).as("If-None-Match option").isTrue();
		Response createdResponse = Checks.piggybacked(test.wire(), first);
		Checks.code(createdResponse, ResponseCode.CREATED);
		Checks.shows(created, createdResponse);
		assertThat(test.store().get(ValidationController.CREATE1)).as("the created resource").isPresent();

		PeerResponse again = test
			.send(PeerRequest.put(test.uri("/create1")).ifNoneMatch().text("TD_COAP_CORE_23 again"));
		Request second = lastRequest(test);
		assertThat(second.getOptions().hasIfNoneMatch()).as("If-None-Match option").isTrue();
		Response failed = Checks.piggybacked(test.wire(), second);
		Checks.code(failed, ResponseCode.PRECONDITION_FAILED);
		assertThat(again.code()).as("code the client shows").isEqualTo(ResponseCode.PRECONDITION_FAILED.text);
	}

	/**
	 * TD_COAP_CORE_31: a four-byte empty CON is answered with a four-byte RST of the same message ID.
	 */
	private static void ping(PlugtestCase test) {
		test.client().ping(test.uri("/validate"));
		Conversation wire = test.awaitWire("the server's RST", (conversation) -> !conversation
			.datagrams(Direction.TO_CLIENT, (message) -> message.getType() == Type.RST)
			.isEmpty());
		List<byte[]> pings = wire.datagrams(Direction.TO_SERVER,
				(message) -> message instanceof EmptyMessage && message.getType() == Type.CON);
		assertThat(pings).as("pings (empty CON messages) sent by the client").isNotEmpty();
		assertThat(pings.get(0)).as("size of the ping").hasSize(4);
		EmptyMessage ping = wire.clientMessages(EmptyMessage.class)
			.stream()
			.filter((message) -> message.getType() == Type.CON)
			.findFirst()
			.orElseThrow();
		List<byte[]> resets = wire.datagrams(Direction.TO_CLIENT,
				(message) -> message.getType() == Type.RST && message.getMID() == ping.getMID());
		assertThat(resets).as("RST of the server with the ping's message ID").isNotEmpty();
		assertThat(resets.get(0)).as("size of the RST").hasSize(4);
	}

	private static Request lastRequest(PlugtestCase test) {
		List<Request> requests = test.wire().requests();
		assertThat(requests).as("requests sent by the client").isNotEmpty();
		return requests.get(requests.size() - 1);
	}

	private static Response lastResponse(PlugtestCase test) {
		return test.wire().responseTo(lastRequest(test));
	}

}
