package io.coapspring.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.coapspring.client.CoapObservation;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A server that sends a confirmable notification in the same instant as the piggybacked response to the
 * registration: {@link CoapTemplate#observe} acknowledges the notification at once, every time, and delivers
 * it. The peer never retransmits, so a notification that is not acknowledged on its first arrival fails the
 * test instead of being hidden by a retransmission.
 */
@CoapClientIntegrationTest
class ImmediateNotificationTests {

	private static final int ROUNDS = 40;

	@Autowired
	private CoapTemplate coap;

	@Test
	void confirmableNotificationRightAfterThePiggybackedResponseIsAcknowledgedAndDelivered() throws Exception {
		observeRepeatedly(false);
	}

	@Test
	void confirmableNotificationOvertakingThePiggybackedResponseIsAcknowledged() throws Exception {
		observeRepeatedly(true);
	}

	private void observeRepeatedly(boolean notificationFirst) throws Exception {
		AtomicInteger mids = new AtomicInteger(20000);
		try (ScriptedUdpPeer peer = new ScriptedUdpPeer((message) -> {
			if (!(message instanceof Request request)) {
				return List.of();
			}
			Integer observe = request.getOptions().getObserve();
			if (observe == null || observe != 0) {
				return List.of(response(request.getToken(), Type.ACK, request.getMID(), null, "bye"));
			}
			Response registration = response(request.getToken(), Type.ACK, request.getMID(), 1, "first");
			Response notification = response(request.getToken(), Type.CON, mids.incrementAndGet(), 2, "second");
			return notificationFirst ? List.of(notification, registration) : List.of(registration, notification);
		})) {
			for (int round = 0; round < ROUNDS; round++) {
				int mid = mids.get() + 1;
				List<@Nullable String> values = new CopyOnWriteArrayList<>();
				CoapObservation<String> observation = this.coap.observe(peer.uri("/immediate"), String.class,
						values::add);
				try {
					await().atMost(Duration.ofSeconds(2))
						.untilAsserted(() -> assertThat(acknowledgements(peer, mid)).isOne());
					await().atMost(Duration.ofSeconds(2)).until(() -> values.contains("second"));
					assertThat(values).endsWith("second");
				}
				finally {
					observation.cancel();
				}
			}
		}
	}

	private static long acknowledgements(ScriptedUdpPeer peer, int mid) {
		return peer.received()
			.stream()
			.filter((Message message) -> message instanceof EmptyMessage && message.getType() == Type.ACK
					&& message.getMID() == mid)
			.count();
	}

	private static Response response(Token token, Type type, int mid, @Nullable Integer observe, String payload) {
		Response response = new Response(ResponseCode.CONTENT);
		response.setType(type);
		response.setMID(mid);
		response.setToken(token);
		if (observe != null) {
			response.getOptions().setObserve(observe);
		}
		response.getOptions().setMaxAge(60);
		response.setPayload(payload);
		return response;
	}

}
