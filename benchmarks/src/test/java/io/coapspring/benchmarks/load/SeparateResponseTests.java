package io.coapspring.benchmarks.load;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load generator against a hand-written server that answers every request with an empty ACK and then a
 * separate CON response: the response completes the request and is acknowledged.
 */
class SeparateResponseTests {

	private static final int REQUESTS = 20;

	@Test
	void completesOnTheSeparateResponseAndAcknowledgesIt() throws Exception {
		AtomicInteger acknowledged = new AtomicInteger();
		try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			server.setSoTimeout(100);
			Thread thread = new Thread(() -> serve(server, acknowledged));
			thread.start();
			byte[] request = CoapCodec.request(CoapCodec.GET, "/slow", false, -1, null);
			LoadResult result = LoadGenerator.run(new LoadSpec(
					new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), request, 2, 1,
					Duration.ofSeconds(30), REQUESTS, Duration.ofSeconds(2), Duration.ofSeconds(1), -1, LoadSpec.DEFAULT_REQUESTS_PER_SOCKET));
			thread.join(5000);
			assertThat(result.completed()).isEqualTo(REQUESTS);
			assertThat(result.separate()).isEqualTo(REQUESTS);
			assertThat(result.unmatched()).isZero();
			assertThat(acknowledged).hasValue(REQUESTS);
		}
	}

	private static void serve(DatagramSocket socket, AtomicInteger acknowledged) {
		byte[] buffer = new byte[1500];
		int nextMid = 1000;
		long idleSince = System.nanoTime();
		while (System.nanoTime() - idleSince < Duration.ofSeconds(1).toNanos()) {
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			try {
				socket.receive(packet);
				idleSince = System.nanoTime();
				byte[] data = Arrays.copyOf(buffer, packet.getLength());
				if (CoapCodec.type(data) == CoapCodec.ACK) {
					acknowledged.incrementAndGet();
					continue;
				}
				byte[] ack = CoapCodec.empty(CoapCodec.ACK, CoapCodec.messageId(data));
				socket.send(new DatagramPacket(ack, ack.length, packet.getSocketAddress()));
				// separate response: CON 2.05, same token, the server's own message ID, payload "ok"
				byte[] response = new byte[4 + 8 + 3];
				response[0] = 0x48;
				response[1] = 0x45;
				response[2] = (byte) (nextMid >>> 8);
				response[3] = (byte) nextMid++;
				System.arraycopy(data, 4, response, 4, 8);
				response[12] = (byte) 0xFF;
				response[13] = 'o';
				response[14] = 'k';
				socket.send(new DatagramPacket(response, response.length, packet.getSocketAddress()));
			}
			catch (SocketTimeoutException ex) {
				// keep waiting until idle for a second
			}
			catch (java.io.IOException ex) {
				return;
			}
		}
	}

}
