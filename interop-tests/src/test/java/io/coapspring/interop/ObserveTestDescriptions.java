package io.coapspring.interop;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.coapspring.interop.WireTap.Direction;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * TD_COAP_OBS_01 to 10 of the ETSI CoAP#4 plugtests: observation (RFC 7641) with CON and NON notifications,
 * deregistration by a silent client and by RST, the end of observations when the resource goes away or changes
 * its Content-Format, updates, and a GET that does not cancel an observation. {@code /obs} changes every 300 ms
 * in the suite.
 */
final class ObserveTestDescriptions {

	private static final Duration NOTIFICATION_WAIT = Duration.ofSeconds(5);

	private ObserveTestDescriptions() {
	}

	static List<TestDescription> all() {
		return List.of(
				TestDescription.of("TD_COAP_OBS_01", "Handle resource observation with CON messages",
						(test) -> observe(test, false)),
				TestDescription.of("TD_COAP_OBS_02", "Handle resource observation with NON messages",
						(test) -> observe(test, true)),
				TestDescription.notApplicable("TD_COAP_OBS_03", "(no such description in CoAP#4)",
						"the CoAP#4 test descriptions have no TD_COAP_OBS_03"),
				TestDescription.notApplicable("TD_COAP_OBS_04", "Client detection of deregistration (Max-Age)",
						"checks the client: it must notice by Max-Age that the server lost the observation and register "
								+ "again; making the server under test lose its observation state while it runs is "
								+ "outside this suite"),
				TestDescription.of("TD_COAP_OBS_05", "Server detection of deregistration (client OFF)",
						ObserveTestDescriptions::clientOff),
				TestDescription.of("TD_COAP_OBS_06", "Server detection of deregistration (explicit RST)",
						ObserveTestDescriptions::reset),
				TestDescription.of("TD_COAP_OBS_07", "Server cleans the observers list on DELETE",
						ObserveTestDescriptions::delete),
				TestDescription.of("TD_COAP_OBS_08",
						"Server cleans the observers list when observed resource content-format changes",
						ObserveTestDescriptions::contentFormatChange),
				TestDescription.of("TD_COAP_OBS_09", "Update of the observed resource",
						ObserveTestDescriptions::update),
				TestDescription.of("TD_COAP_OBS_10", "GET does not cancel resource observation",
						ObserveTestDescriptions::unrelatedGet));
	}

	/**
	 * TD_COAP_OBS_01 ({@code /obs}, CON) and 02 ({@code /obs-non}, NON): the registration's response carries
	 * Observe, then notifications of the registration's type come with the same Content-Format and token and
	 * increasing Observe values; the client acknowledges the CON ones and shows them.
	 */
	private static void observe(PlugtestCase test, boolean nonConfirmable) {
		PeerRequest.Builder get = PeerRequest.get(test.uri(nonConfirmable ? "/obs-non" : "/obs"));
		if (nonConfirmable) {
			get.nonConfirmable();
		}
		try (PeerObservation observation = test.client().observe(get.build())) {
			Request registration = registration(test, nonConfirmable ? Type.NON : Type.CON);
			Response first = test.wire().responseTo(registration);
			assertThat(first.getType()).as("type of the response to the registration")
				.isEqualTo(nonConfirmable ? Type.NON : Type.ACK);
			Checks.code(first, ResponseCode.CONTENT);
			assertThat(first.getOptions().hasContentFormat()).as("Content-Format of the first response").isTrue();
			assertThat(first.getOptions().hasObserve()).as("Observe option of the first response").isTrue();
			Checks.shows(observation.first(), first);
			List<Response> notifications = awaitNotifications(test, registration, 2);
			int previous = first.getOptions().getObserve();
			for (Response notification : notifications.subList(0, 2)) {
				assertThat(notification.getType()).as("type of a notification")
					.isEqualTo(nonConfirmable ? Type.NON : Type.CON);
				Checks.code(notification, ResponseCode.CONTENT);
				assertThat(notification.getOptions().getContentFormat()).as("Content-Format of a notification")
					.isEqualTo(first.getOptions().getContentFormat());
				int observe = notification.getOptions().getObserve();
				assertThat(newer(observe, previous)).as("Observe %d newer than %d", observe, previous).isTrue();
				previous = observe;
				if (!nonConfirmable) {
					test.awaitWire("the client's ACK of a notification",
							(wire) -> !wire.emptyFromClient(notification.getMID()).isEmpty());
				}
				Checks.shows(nextShown(observation), notification);
			}
		}
	}

	/**
	 * TD_COAP_OBS_05: the client goes silent (the tap loses all it sends); the server retransmits its CON
	 * notification, the fresher ones taking over with newer Observe values, then gives up and forgets the
	 * observer.
	 */
	private static void clientOff(PlugtestCase test) {
		try (PeerObservation observation = test.client().observe(PeerRequest.get(test.uri("/obs")).build())) {
			Request registration = registration(test, Type.CON);
			awaitNotifications(test, registration, 1);
			assertThat(test.notifier().getObserverCount("/obs")).as("observers of /obs").isEqualTo(1);
			test.tap().drop(Direction.TO_SERVER, (message) -> true, Integer.MAX_VALUE);
			int before = test.wire().responsesWithToken(registration).size();
			await("the server forgets the silent observer").atMost(Duration.ofSeconds(20))
				.until(() -> test.notifier().getObserverCount("/obs") == 0);
			List<Response> sent = test.wire().responsesWithToken(registration);
			List<Response> unacknowledged = sent.subList(before, sent.size());
			assertThat(unacknowledged).as("notifications sent after the client went silent").hasSizeGreaterThan(1);
			int previous = sent.get(before - 1).getOptions().getObserve();
			for (Response notification : unacknowledged) {
				assertThat(notification.getType()).as("type of a notification").isEqualTo(Type.CON);
				// Californium retransmits the freshest notification: the retransmissions have newer Observe values
				assertThat(newer(notification.getOptions().getObserve(), previous)).as("Observe increasing").isTrue();
				previous = notification.getOptions().getObserve();
			}
			assertQuiet(test, registration);
		}
	}

	/**
	 * TD_COAP_OBS_06: the client forgets the observation, as after a reboot, and answers the next notification
	 * with RST; the server sends no more.
	 */
	private static void reset(PlugtestCase test) {
		try (PeerObservation observation = test.client().observe(PeerRequest.get(test.uri("/obs")).build())) {
			Request registration = registration(test, Type.CON);
			awaitNotifications(test, registration, 1);
			observation.forget();
			Conversation wire = test.awaitWire("the client's RST of a notification", (conversation) -> conversation
				.clientMessages(EmptyMessage.class)
				.stream()
				.anyMatch((message) -> message.getType() == Type.RST));
			EmptyMessage reset = wire.clientMessages(EmptyMessage.class)
				.stream()
				.filter((message) -> message.getType() == Type.RST)
				.findFirst()
				.orElseThrow();
			assertThat(wire.responsesWithToken(registration)).extracting(Response::getMID)
				.as("the RST answers a notification")
				.contains(reset.getMID());
			await("the server forgets the observer").atMost(Duration.ofSeconds(5))
				.until(() -> test.notifier().getObserverCount("/obs") == 0);
			assertQuiet(test, registration);
		}
	}

	/**
	 * TD_COAP_OBS_07: another request deletes {@code /obs}; its observers get a final CON 4.04 without Observe.
	 */
	private static void delete(PlugtestCase test) {
		ends(test, PeerRequest.delete(test.uri("/obs")), ResponseCode.DELETED, ResponseCode.NOT_FOUND);
	}

	/**
	 * TD_COAP_OBS_08: another request replaces {@code /obs} with a representation in another Content-Format; its
	 * observers get a final CON 4.06 without Observe.
	 */
	private static void contentFormatChange(PlugtestCase test) {
		ends(test,
				PeerRequest.put(test.uri("/obs"))
					.payload(41, "<value>TD_COAP_OBS_08</value>".getBytes(StandardCharsets.UTF_8)),
				ResponseCode.CHANGED, ResponseCode.NOT_ACCEPTABLE);
	}

	private static void ends(PlugtestCase test, PeerRequest.Builder change, ResponseCode changed,
			ResponseCode finalCode) {
		try (PeerObservation observation = test.client().observe(PeerRequest.get(test.uri("/obs")).build())) {
			Request registration = registration(test, Type.CON);
			int before = awaitNotifications(test, registration, 1).size();
			PeerResponse result = test.client().send(change.build());
			assertThat(result.code()).as("code of the change").isEqualTo(changed.text);
			Conversation wire = test.awaitWire("the final notification", (conversation) -> conversation
				.responsesWithToken(registration)
				.stream()
				.anyMatch((response) -> response.getCode() == finalCode));
			Response last = wire.responsesWithToken(registration)
				.stream()
				.filter((response) -> response.getCode() == finalCode)
				.findFirst()
				.orElseThrow();
			assertThat(last.getType()).as("type of the final notification").isEqualTo(Type.CON);
			assertThat(last.getOptions().hasObserve()).as("Observe option of the final notification").isFalse();
			assertThat(wire.responsesWithToken(registration).size()).as("notifications").isGreaterThan(before);
			assertThat(test.notifier().getObserverCount("/obs")).as("observers of /obs").isZero();
			assertQuiet(test, registration);
			PeerResponse shown = lastShown(observation);
			assertThat(shown).as("the last notification the client shows").isNotNull();
			if (dropsFinalResponse(test.client().name(), wire.responsesWithToken(registration))) {
				assertThat(shown.code()).as("the last notification node-coap shows").isEqualTo("2.05");
				return;
			}
			assertThat(shown.code()).as("the last notification the client shows")
				.satisfiesAnyOf((code) -> assertThat(code).isEqualTo(finalCode.text),
						(code) -> assertThat(code).startsWith("ended"));
		}
	}

	/**
	 * Return whether node-coap does not show a final response: its {@code ObserveReadStream.append} (1.5.0) takes
	 * a response without Observe option for sequence number 0 and drops it as older than the last notification
	 * unless 0 is ahead of that notification's number in RFC 7641's 24-bit serial arithmetic, that is unless the
	 * number is at least 2^23. The starter derives the numbers from the clock (a 24-bit millisecond counter), so
	 * which way it goes depends on the time of day; the final response is on the wire either way (checked above).
	 * @param client the client's name
	 * @param responses the responses of the observation, in the order sent
	 * @return {@code true} if the client is node-coap and drops the final response
	 */
	private static boolean dropsFinalResponse(String client, List<Response> responses) {
		if (!client.startsWith("node-coap")) {
			return false;
		}
		Integer last = null;
		for (Response response : responses) {
			if (response.getOptions().hasObserve()) {
				last = response.getOptions().getObserve();
			}
		}
		return last != null && ((0 - last) & 0xFFFFFF) >= (1 << 23);
	}

	/**
	 * TD_COAP_OBS_09: another request updates {@code /obs} in the same Content-Format; its observers get the new
	 * value in a CON notification.
	 */
	private static void update(PlugtestCase test) {
		String value = "TD_COAP_OBS_09: new value";
		try (PeerObservation observation = test.client().observe(PeerRequest.get(test.uri("/obs")).build())) {
			Request registration = registration(test, Type.CON);
			List<Response> before = awaitNotifications(test, registration, 1);
			int previous = before.get(before.size() - 1).getOptions().getObserve();
			PeerResponse result = test.send(PeerRequest.put(test.uri("/obs")).text(value));
			assertThat(result.code()).as("code of the update").isEqualTo(ResponseCode.CHANGED.text);
			Conversation wire = test.awaitWire("the notification of the new value", (conversation) -> conversation
				.responsesWithToken(registration)
				.stream()
				.anyMatch((response) -> value.equals(response.getPayloadString())));
			Response updated = wire.responsesWithToken(registration)
				.stream()
				.filter((response) -> value.equals(response.getPayloadString()))
				.findFirst()
				.orElseThrow();
			assertThat(updated.getType()).as("type of the notification").isEqualTo(Type.CON);
			Checks.code(updated, ResponseCode.CONTENT);
			assertThat(updated.getOptions().getContentFormat()).as("Content-Format of the notification").isZero();
			assertThat(newer(updated.getOptions().getObserve(), previous)).as("Observe increasing").isTrue();
			test.awaitWire("the client's ACK of the notification",
					(conversation) -> !conversation.emptyFromClient(updated.getMID()).isEmpty());
			assertThat(shownUntil(observation, value)).as("the client shows the new value").isTrue();
		}
	}

	/**
	 * TD_COAP_OBS_10: a GET without Observe, with another token, is answered without Observe, and the
	 * notifications of the observation keep coming.
	 */
	private static void unrelatedGet(PlugtestCase test) {
		try (PeerObservation observation = test.client().observe(PeerRequest.get(test.uri("/obs")).build())) {
			Request registration = registration(test, Type.CON);
			awaitNotifications(test, registration, 1);
			if (test.client() instanceof LibcoapPlugtestClient) {
				throw new NotExpressibleException("coap-client sends one request per process: the unrelated GET "
						+ "would come from another endpoint than the observation's");
			}
			PeerResponse plain = test.send(PeerRequest.get(test.uri("/obs")));
			List<Request> requests = test.wire().requests();
			Request get = requests.get(requests.size() - 1);
			assertThat(get.getOptions().hasObserve()).as("Observe option of the unrelated GET").isFalse();
			assertThat(get.getToken()).as("token of the unrelated GET").isNotEqualTo(registration.getToken());
			Response response = Checks.piggybacked(test.wire(), get);
			Checks.code(response, ResponseCode.CONTENT);
			assertThat(response.getOptions().hasObserve()).as("Observe option of its response").isFalse();
			Checks.shows(plain, response);
			int notifications = test.wire().responsesWithToken(registration).size();
			test.awaitWire("notifications after the unrelated GET",
					(wire) -> wire.responsesWithToken(registration).size() >= notifications + 2);
			assertThat(test.notifier().getObserverCount("/obs")).as("observers of /obs").isEqualTo(1);
		}
	}

	private static Request registration(PlugtestCase test, Type type) {
		Request registration = test.wire().requests().get(0);
		Checks.request(registration, type, Code.GET);
		assertThat(registration.getOptions().getObserve()).as("Observe option of the registration").isZero();
		return registration;
	}

	/**
	 * Wait for notifications after the registration's response; return them.
	 */
	private static List<Response> awaitNotifications(PlugtestCase test, Request registration, int count) {
		test.awaitWire(count + " notifications",
				(wire) -> wire.responsesWithToken(registration).size() >= count + 1);
		List<Response> responses = test.wire().responsesWithToken(registration);
		return responses.subList(1, responses.size());
	}

	/**
	 * No notification for the registration's token for more than two periods of {@code /obs}.
	 */
	private static void assertQuiet(PlugtestCase test, Request registration) {
		int sent = test.wire().responsesWithToken(registration).size();
		await("no further notification").pollDelay(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
			.until(() -> test.wire().responsesWithToken(registration).size() == sent);
	}

	private static PeerResponse nextShown(PeerObservation observation) {
		PeerResponse shown = observation.next(NOTIFICATION_WAIT);
		assertThat(shown).as("a notification the client shows").isNotNull();
		return shown;
	}

	private static PeerResponse lastShown(PeerObservation observation) {
		PeerResponse last = null;
		for (PeerResponse shown = observation.next(Duration.ofSeconds(2)); shown != null; shown = observation
			.next(Duration.ofMillis(500))) {
			last = shown;
			if (last.code().startsWith("ended")) {
				break;
			}
		}
		return last;
	}

	private static boolean shownUntil(PeerObservation observation, String value) {
		for (int i = 0; i < 50; i++) {
			PeerResponse shown = observation.next(NOTIFICATION_WAIT);
			if (shown == null) {
				return false;
			}
			if (value.equals(shown.text())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * RFC 7641 section 3.4: whether an Observe value is newer than another (within 2^23, modulo 2^24).
	 */
	private static boolean newer(int observe, int previous) {
		int delta = (observe - previous) & 0xFFFFFF;
		return delta > 0 && delta < (1 << 23);
	}

}
