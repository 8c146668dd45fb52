package io.coapspring.interop;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.coapspring.interop.WireTap.Captured;
import io.coapspring.interop.WireTap.Direction;
import org.eclipse.californium.core.coap.BlockOption;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What went over the wire during a test case, with the queries the checks of the test descriptions need:
 * requests by their first transmission, the messages that answered them, retransmissions.
 */
final class Conversation {

	private final List<Captured> captured;

	Conversation(List<Captured> captured) {
		this.captured = List.copyOf(captured);
	}

	/**
	 * Return the requests the client sent, each once (by its first transmission), in order.
	 */
	List<Request> requests() {
		Map<Integer, Request> byMid = new LinkedHashMap<>();
		for (Captured datagram : this.captured) {
			if (datagram.direction() == Direction.TO_SERVER && datagram.message() instanceof Request request) {
				byMid.putIfAbsent(request.getMID(), request);
			}
		}
		return new ArrayList<>(byMid.values());
	}

	/**
	 * Return the only request the client sent.
	 */
	Request request() {
		List<Request> requests = requests();
		assertThat(requests).as("requests sent by the client").hasSize(1);
		return requests.get(0);
	}

	/**
	 * Return how often a message went in a direction, retransmissions included.
	 */
	long transmissions(Direction direction, Predicate<Message> matching) {
		return this.captured.stream()
			.filter((datagram) -> datagram.direction() == direction && datagram.message() != null
					&& matching.test(datagram.message()))
			.count();
	}

	/**
	 * Return how often the client sent a request after the first delivery (not lost by the tap) of a response.
	 */
	long requestTransmissionsAfterFirstDelivery(int requestMid, int responseMid) {
		boolean delivered = false;
		long count = 0;
		for (Captured datagram : this.captured) {
			Message message = datagram.message();
			if (message == null) {
				continue;
			}
			if (datagram.direction() == Direction.TO_CLIENT && !datagram.dropped() && message instanceof Response
					&& message.getMID() == responseMid) {
				delivered = true;
			}
			else if (delivered && datagram.direction() == Direction.TO_SERVER && message instanceof Request
					&& message.getMID() == requestMid) {
				count++;
			}
		}
		return count;
	}

	/**
	 * Return the response the server sent to a request: piggybacked on the ACK, or separate with its token.
	 * The first transmission that the tap did not lose.
	 */
	Response responseTo(Request request) {
		return serverMessages(Response.class).stream()
			.filter((response) -> response.getToken().equals(request.getToken())
					&& (response.getType() != Type.ACK || response.getMID() == request.getMID()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No response to " + request));
	}

	/**
	 * Return the responses the server sent, each once (by message ID), in order.
	 */
	List<Response> responses() {
		Map<Integer, Response> byMid = new LinkedHashMap<>();
		for (Response response : serverMessages(Response.class)) {
			byMid.putIfAbsent(response.getMID(), response);
		}
		return new ArrayList<>(byMid.values());
	}

	/**
	 * Return the responses the server sent with a token, each once (by message ID), in order.
	 */
	List<Response> responsesWithToken(Request request) {
		Map<Integer, Response> byMid = new LinkedHashMap<>();
		for (Response response : serverMessages(Response.class)) {
			if (response.getToken().equals(request.getToken())) {
				byMid.putIfAbsent(response.getMID(), response);
			}
		}
		return new ArrayList<>(byMid.values());
	}

	/**
	 * Return the empty messages (ACK, RST) the server sent with a message ID.
	 */
	List<EmptyMessage> emptyFromServer(int mid) {
		return serverMessages(EmptyMessage.class).stream().filter((message) -> message.getMID() == mid).toList();
	}

	/**
	 * Return the empty messages (ACK, RST, ping) the client sent with a message ID.
	 */
	List<EmptyMessage> emptyFromClient(int mid) {
		return clientMessages(EmptyMessage.class).stream().filter((message) -> message.getMID() == mid).toList();
	}

	<T extends Message> List<T> serverMessages(Class<T> type) {
		return messages(Direction.TO_CLIENT, type);
	}

	<T extends Message> List<T> clientMessages(Class<T> type) {
		return messages(Direction.TO_SERVER, type);
	}

	private <T extends Message> List<T> messages(Direction direction, Class<T> type) {
		return this.captured.stream()
			.filter((datagram) -> datagram.direction() == direction && type.isInstance(datagram.message()))
			.map((datagram) -> type.cast(datagram.message()))
			.toList();
	}

	/**
	 * Return the raw datagrams, as sent, of the messages that match.
	 */
	List<byte[]> datagrams(Direction direction, Predicate<Message> matching) {
		return this.captured.stream()
			.filter((datagram) -> datagram.direction() == direction && datagram.message() != null
					&& matching.test(datagram.message()))
			.map(Captured::datagram)
			.toList();
	}

	/**
	 * Return the body the server sent in Block2 blocks (or in one response), block by block in order.
	 */
	static byte[] body(List<Response> responses) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int next = 0;
		for (Response response : responses) {
			BlockOption block2 = response.getOptions().getBlock2();
			if (block2 == null) {
				return response.getPayload();
			}
			if (block2.getOffset() == next) {
				body.writeBytes(response.getPayload());
				next += response.getPayloadSize();
			}
		}
		return body.toByteArray();
	}

	@Override
	public String toString() {
		return this.captured.stream().map(Captured::toString).collect(Collectors.joining("\n  ", "  ", ""));
	}

}
