package io.coapspring.benchmarks.load;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * One request at a time, blocking: readiness checks and the admin requests of the harness. Not a load tool.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapProbe {

	private CoapProbe() {
	}

	/**
	 * A response.
	 *
	 * @param code the response code, e.g. 0x45 for 2.05
	 * @param payload the payload bytes
	 */
	public record Response(int code, byte[] payload) {

		/**
		 * The payload as UTF-8 text.
		 * @return the text
		 */
		public String text() {
			return new String(this.payload, StandardCharsets.UTF_8);
		}

		/**
		 * Whether the code is 2.xx.
		 * @return {@code true} on success
		 */
		public boolean isSuccess() {
			return CoapCodec.isSuccess(this.code);
		}

	}

	/**
	 * Send a CON request and wait for its response (piggybacked or separate, which is acknowledged). Nothing
	 * is retransmitted.
	 * @param target the server, on loopback
	 * @param code {@link CoapCodec#GET} or {@link CoapCodec#POST}
	 * @param path the Uri-Path
	 * @param payload a text/plain payload, or {@code null}
	 * @param timeout how long to wait
	 * @return the response, or {@code null} if none came in time
	 * @throws IOException if the socket fails
	 */
	public static @Nullable Response request(InetSocketAddress target, int code, String path,
			@Nullable String payload, Duration timeout) throws IOException {
		if (!target.getAddress().isLoopbackAddress()) {
			throw new IllegalArgumentException("Only loopback targets are allowed: " + target);
		}
		byte[] message = CoapCodec.request(code, path, false, (payload != null) ? 0 : -1,
				(payload != null) ? payload.getBytes(StandardCharsets.UTF_8) : null);
		int mid = ThreadLocalRandom.current().nextInt(0x10000);
		long token = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
		CoapCodec.patch(message, mid, token);
		try (DatagramSocket socket = new DatagramSocket()) {
			socket.send(new DatagramPacket(message, message.length, target));
			long deadline = System.nanoTime() + timeout.toNanos();
			byte[] buffer = new byte[65536];
			while (true) {
				long left = (deadline - System.nanoTime()) / 1_000_000;
				if (left <= 0) {
					return null;
				}
				socket.setSoTimeout((int) Math.max(1, left));
				DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
				try {
					socket.receive(packet);
				}
				catch (SocketTimeoutException ex) {
					return null;
				}
				catch (java.net.PortUnreachableException ex) {
					continue;
				}
				int length = packet.getLength();
				if (!CoapCodec.isValid(buffer, length)) {
					continue;
				}
				int type = CoapCodec.type(buffer);
				if (type == CoapCodec.CON) {
					byte[] ack = CoapCodec.empty(CoapCodec.ACK, CoapCodec.messageId(buffer));
					socket.send(new DatagramPacket(ack, ack.length, packet.getSocketAddress()));
				}
				if (CoapCodec.code(buffer) == 0 || CoapCodec.token(buffer) != token) {
					continue;
				}
				int offset = CoapCodec.payloadOffset(buffer, length);
				byte[] body = (offset < 0) ? new byte[0] : Arrays.copyOfRange(buffer, offset, length);
				return new Response(CoapCodec.code(buffer), body);
			}
		}
	}

}
