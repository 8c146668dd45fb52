package io.coapspring.server.dtls;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.coapspring.server.HostileDatagrams;
import io.coapspring.server.HostileDatagrams.Kind;
import io.coapspring.server.PlainCoapProbe;
import io.coapspring.server.context.LocalCoapDtlsPort;
import io.coapspring.server.context.LocalCoapPort;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.elements.util.Filter;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.dtls.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Sends seeded hostile datagrams to the running server and checks after every batch that a well-formed
 * request is still answered.
 * <p>
 * The plain endpoint gets {@code coap.robustness.datagrams} datagrams (default 21,000) of every
 * {@link Kind}, round robin from eight source ports; a batch is one datagram of each kind, so the largest
 * datagrams never overrun the socket's receive buffer unnoticed. The DTLS endpoint gets
 * {@code coap.robustness.dtls-datagrams} (default 3,000) malformed DTLS records and a flood of spoofed
 * ClientHellos from many source ports, which the stateless cookie exchange must answer without keeping
 * state and without amplification; a real PSK handshake must still work afterwards.
 * <p>
 * The full run: {@code ./mvnw -B -pl coap-spring-boot-autoconfigure -am test
 * -Dtest=HostileDatagramRobustnessTests -Dsurefire.failIfNoSpecifiedTests=false
 * -Dcoap.robustness.datagrams=100000}.
 */
@DtlsServerTest
@ExtendWith(OutputCaptureExtension.class)
class HostileDatagramRobustnessTests {

	private static final long SEED = Long.getLong("coap.robustness.seed", 7252L);

	private static final int DATAGRAMS = Integer.getInteger("coap.robustness.datagrams", 21_000);

	private static final int DTLS_DATAGRAMS = Integer.getInteger("coap.robustness.dtls-datagrams", 3_000);

	private static final int SENDERS = 8;

	private static final int PROBE_TIMEOUT_MILLIS = 5000;

	@LocalCoapPort
	int port;

	@LocalCoapDtlsPort
	int dtlsPort;

	@Autowired
	CoapServer server;

	@Test
	void plainEndpointKeepsAnsweringUnderHostileDatagrams(CapturedOutput output) throws Exception {
		InetSocketAddress target = new InetSocketAddress("127.0.0.1", this.port);
		HostileDatagrams generator = new HostileDatagrams(SEED);
		Kind[] kinds = Kind.values();
		assertThat(kinds).hasSizeGreaterThanOrEqualTo(15);
		Map<Kind, Integer> sent = new EnumMap<>(Kind.class);
		long drops = receiveBufferErrors();
		long start = System.nanoTime();
		int probes = 0;
		int answers = 0;
		ByteBuffer buffer = ByteBuffer.allocate(HostileDatagrams.MAX_DATAGRAM);
		List<DatagramChannel> senders = openChannels(SENDERS);
		try (PlainCoapProbe probe = new PlainCoapProbe(target)) {
			for (int i = 0; i < DATAGRAMS; i++) {
				Kind kind = kinds[i % kinds.length];
				byte[] datagram = generator.next(kind);
				send(senders.get(i % SENDERS), datagram, target);
				sent.merge(kind, 1, Integer::sum);
				if ((i + 1) % kinds.length == 0 || i == DATAGRAMS - 1) {
					assertAnswered(probe, i + 1, kind);
					probes++;
					answers += drain(senders, buffer);
				}
			}
		}
		finally {
			for (DatagramChannel sender : senders) {
				sender.close();
			}
		}
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		System.out.printf("Robustness (plain, seed %d): %d hostile datagrams of %d kinds in %d ms, %d answered by the "
				+ "server, %d probes all answered 2.05; UDP receive-buffer drops on this host meanwhile: %s%n", SEED,
				DATAGRAMS, sent.size(), millis, answers, probes,
				(drops < 0) ? "unknown" : receiveBufferErrors() - drops);
		assertThat(sent).hasSize(kinds.length);
		assertThat(this.server.getEndpoints()).allMatch(Endpoint::isStarted);
		assertThat(output.getOut()).as("exceptions logged while handling hostile datagrams")
			.doesNotContain("Exception")
			.doesNotContain("error receiving");
	}

	@Test
	void forgedResponseReusingTheMessageIdOfARequestIsDroppedQuietly(CapturedOutput output) throws Exception {
		// a CON GET with MID 0x4242, then a CON 2.05 "response" with the same MID from the same port: Californium
		// alone matches it to the server-side exchange and logs an exception (see UnsolicitedResponseFilter)
		byte[] get = { 0x41, 0x01, 0x42, 0x42, 0x0A, (byte) 0xB6, 'w', 'h', 'o', 'a', 'm', 'i' };
		byte[] forged = { 0x41, 0x45, 0x42, 0x42, 0x0B, (byte) 0xFF, 'x' };
		InetSocketAddress target = new InetSocketAddress("127.0.0.1", this.port);
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
				PlainCoapProbe probe = new PlainCoapProbe(target)) {
			socket.send(new DatagramPacket(get, get.length, target));
			socket.setSoTimeout(PROBE_TIMEOUT_MILLIS);
			socket.receive(new DatagramPacket(new byte[2048], 2048));
			socket.send(new DatagramPacket(forged, forged.length, target));
			assertAnswered(probe, 2, Kind.RESPONSE_CODE_AS_REQUEST);
		}
		assertThat(output.getOut()).doesNotContain("error receiving response");
	}

	@Test
	void sizeOptionOfTwoGigabytesOrMoreIsAnswered413() throws Exception {
		// Size1 0xFFFFFFFF with a Block1 upload: Californium alone reads -1 and throws (see SizeOptionGuard)
		byte[] request = { 0x44, 0x03, 0x12, 0x34, 0x01, 0x02, 0x03, 0x04, (byte) 0xB6, 'w', 'h', 'o', 'a', 'm', 'i',
				(byte) 0xD1, 0x03, 0x0E, (byte) 0xD4, 20, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
				'x' };
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
			socket.send(new DatagramPacket(request, request.length, new InetSocketAddress("127.0.0.1", this.port)));
			socket.setSoTimeout(PROBE_TIMEOUT_MILLIS);
			DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
			socket.receive(packet);
			Message message = new UdpDataParser().parseMessage(Arrays.copyOf(packet.getData(), packet.getLength()));
			assertThat(message).isInstanceOf(Response.class);
			assertThat(((Response) message).getCode()).isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
		}
	}

	private static void send(DatagramChannel channel, byte[] datagram, InetSocketAddress target) throws IOException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		// a non-blocking send returns 0 while the send buffer is full, and always for an empty datagram
		while (channel.send(ByteBuffer.wrap(datagram), target) == 0 && datagram.length > 0) {
			if (System.nanoTime() - deadline > 0) {
				fail("could not send a datagram of " + datagram.length + " bytes for 5 s");
			}
			Thread.onSpinWait();
		}
	}

	private static int drain(List<DatagramChannel> channels, ByteBuffer buffer) throws IOException {
		int received = 0;
		for (DatagramChannel channel : channels) {
			buffer.clear();
			while (channel.receive(buffer) != null) {
				received++;
				buffer.clear();
			}
		}
		return received;
	}

	private static List<DatagramChannel> openChannels(int count) throws IOException {
		List<DatagramChannel> channels = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			DatagramChannel channel = DatagramChannel.open();
			channel.bind(new InetSocketAddress("127.0.0.1", 0));
			channel.configureBlocking(false);
			channels.add(channel);
		}
		return channels;
	}

	private static void assertAnswered(PlainCoapProbe probe, int sentSoFar, Kind lastKind) throws IOException {
		Response response = probe.get("whoami", PROBE_TIMEOUT_MILLIS);
		if (response == null || response.getCode() != ResponseCode.CONTENT) {
			fail("After " + sentSoFar + " hostile datagrams (seed " + SEED + ", last kind " + lastKind
					+ ") a well-formed GET got " + ((response != null) ? response.getCode() : "no answer"));
		}
	}

	@Test
	void dtlsEndpointKeepsWorkingUnderGarbageAndSpoofedClientHellos() throws Exception {
		InetSocketAddress target = new InetSocketAddress("127.0.0.1", this.dtlsPort);
		DTLSConnector connector = dtlsConnector();
		int connectionsBefore = countConnections(connector);
		Random random = new Random(SEED);
		List<DatagramSocket> senders = openSockets(SENDERS);
		try {
			for (int i = 0; i < DTLS_DATAGRAMS; i++) {
				byte[] datagram = DtlsGarbage.next(random, i);
				senders.get(i % SENDERS).send(new DatagramPacket(datagram, datagram.length, target));
			}
		}
		finally {
			senders.forEach(DatagramSocket::close);
		}
		ClientHelloFlood flood = floodClientHellos(target, random, 250, 4);
		System.out.printf("Robustness (DTLS, seed %d): %d garbage records, %d spoofed ClientHellos from %d ports; "
				+ "%d HelloVerifyRequests back, largest %d bytes for ClientHellos of %d bytes; connections %d -> %d%n",
				SEED, DTLS_DATAGRAMS, flood.sent(), flood.ports(), flood.verifyRequests(), flood.largestAnswer(),
				flood.clientHelloSize(), connectionsBefore, countConnections(connector));
		assertThat(flood.verifyRequests()).as("HelloVerifyRequests answering spoofed ClientHellos")
			.isGreaterThanOrEqualTo(flood.sent() * 9 / 10);
		assertThat(flood.otherAnswers()).as("answers other than HelloVerifyRequest").isZero();
		assertThat(flood.largestAnswer()).as("no amplification").isLessThanOrEqualTo(flood.clientHelloSize());
		assertThat(countConnections(connector)).as("connections kept for spoofed handshakes")
			.isLessThanOrEqualTo(connectionsBefore);
		try (ScandiumTestClient client = ScandiumTestClient.psk("device-psk", "secretPSK")) {
			CoapResponse response = client.get("coaps://127.0.0.1:" + this.dtlsPort + "/whoami");
			assertThat(response).isNotNull();
			assertThat(response.getResponseText()).isEqualTo("hello PRE_SHARED_KEY device-psk");
		}
		try (PlainCoapProbe probe = new PlainCoapProbe(new InetSocketAddress("127.0.0.1", this.port))) {
			assertAnswered(probe, DTLS_DATAGRAMS, null);
		}
	}

	private ClientHelloFlood floodClientHellos(InetSocketAddress target, Random random, int ports, int perPort)
			throws IOException {
		int verifyRequests = 0;
		int otherAnswers = 0;
		int largest = 0;
		int size = 0;
		byte[] buffer = new byte[2048];
		for (int p = 0; p < ports; p++) {
			try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
				for (int i = 0; i < perPort; i++) {
					byte[] hello = DtlsGarbage.clientHello(random, i);
					size = hello.length;
					socket.send(new DatagramPacket(hello, hello.length, target));
				}
				socket.setSoTimeout(2000);
				for (int i = 0; i < perPort; i++) {
					DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
					try {
						socket.receive(packet);
					}
					catch (SocketTimeoutException ex) {
						break;
					}
					largest = Math.max(largest, packet.getLength());
					if (DtlsGarbage.isHelloVerifyRequest(packet.getData(), packet.getLength())) {
						verifyRequests++;
					}
					else {
						otherAnswers++;
					}
				}
			}
		}
		return new ClientHelloFlood(ports * perPort, ports, verifyRequests, otherAnswers, largest, size);
	}

	private record ClientHelloFlood(int sent, int ports, int verifyRequests, int otherAnswers, int largestAnswer,
			int clientHelloSize) {
	}

	private DTLSConnector dtlsConnector() {
		for (Endpoint endpoint : this.server.getEndpoints()) {
			if (endpoint instanceof CoapEndpoint coapEndpoint
					&& coapEndpoint.getConnector() instanceof DTLSConnector connector) {
				return connector;
			}
		}
		throw new IllegalStateException("no DTLS endpoint");
	}

	private static int countConnections(DTLSConnector connector) throws Exception {
		AtomicInteger count = new AtomicInteger();
		connector.startForEach((Filter<Connection>) (connection) -> {
			count.incrementAndGet();
			return false;
		}).get(10, TimeUnit.SECONDS);
		return count.get();
	}

	private static List<DatagramSocket> openSockets(int count) throws IOException {
		List<DatagramSocket> sockets = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			sockets.add(new DatagramSocket(new InetSocketAddress("127.0.0.1", 0)));
		}
		return sockets;
	}

	/**
	 * UDP datagrams dropped for a full receive buffer on this host so far, or -1 if unknown.
	 */
	private static long receiveBufferErrors() {
		try {
			List<String> lines = Files.readAllLines(Path.of("/proc/net/snmp"));
			for (int i = 0; i + 1 < lines.size(); i++) {
				if (lines.get(i).startsWith("Udp:") && lines.get(i + 1).startsWith("Udp:")) {
					List<String> names = List.of(lines.get(i).split("\\s+"));
					String[] values = lines.get(i + 1).split("\\s+");
					return Long.parseLong(values[names.indexOf("RcvbufErrors")]);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux, or another format
		}
		return -1;
	}

	/**
	 * Malformed DTLS records and spoofed ClientHellos.
	 */
	static final class DtlsGarbage {

		private static final int HANDSHAKE = 22;

		private DtlsGarbage() {
		}

		static byte[] next(Random random, int index) {
			return switch (index % 8) {
				case 0 -> bytes(random, random.nextInt(1500));
				case 1 -> bytes(random, 1 + random.nextInt(12));
				case 2 -> record(20 + random.nextInt(6), random.nextInt(3), random.nextInt(1000),
						bytes(random, random.nextInt(200)));
				case 3 -> record(random.nextInt(256), 0, random.nextInt(1000), bytes(random, random.nextInt(200)));
				case 4 -> lengthMismatch(random);
				case 5 -> truncatedHandshake(random);
				case 6 -> fragmentedClientHello(random);
				default -> clientHelloWithBadCookie(random);
			};
		}

		static byte[] clientHello(Random random, int sequence) {
			return record(HANDSHAKE, 0, sequence, handshake(1, 0, clientHelloBody(random, new byte[0])));
		}

		static boolean isHelloVerifyRequest(byte[] data, int length) {
			return length > 13 && data[0] == HANDSHAKE && data[13] == 3;
		}

		private static byte[] clientHelloWithBadCookie(Random random) {
			return record(HANDSHAKE, 0, 1, handshake(1, 1, clientHelloBody(random, bytes(random, 32))));
		}

		private static byte[] fragmentedClientHello(Random random) {
			byte[] body = clientHelloBody(random, new byte[0]);
			int offset = random.nextInt(body.length);
			int length = Math.min(body.length - offset, 1 + random.nextInt(body.length));
			ByteBuffer handshake = ByteBuffer.allocate(12 + length);
			handshake.put((byte) 1).put(int24(body.length + random.nextInt(50000)));
			handshake.putShort((short) 0).put(int24(offset)).put(int24(length));
			handshake.put(body, offset, length);
			return record(HANDSHAKE, 0, random.nextInt(1000), handshake.array());
		}

		private static byte[] truncatedHandshake(Random random) {
			return record(HANDSHAKE, 0, random.nextInt(1000), bytes(random, random.nextInt(12)));
		}

		private static byte[] lengthMismatch(Random random) {
			byte[] record = record(HANDSHAKE, random.nextInt(2), 0, bytes(random, 10 + random.nextInt(100)));
			int claimed = random.nextInt(0x10000);
			record[11] = (byte) (claimed >> 8);
			record[12] = (byte) claimed;
			return record;
		}

		private static byte[] clientHelloBody(Random random, byte[] cookie) {
			int[] suites = { 0xC0A8, 0x00A8, 0xC0AE, 0xC02B, 0xD001 };
			ByteBuffer body = ByteBuffer.allocate(2 + 32 + 1 + 1 + cookie.length + 2 + suites.length * 2 + 2);
			body.putShort((short) 0xFEFD);
			body.put(bytes(random, 32));
			body.put((byte) 0);
			body.put((byte) cookie.length).put(cookie);
			body.putShort((short) (suites.length * 2));
			for (int suite : suites) {
				body.putShort((short) suite);
			}
			body.put((byte) 1).put((byte) 0);
			return body.array();
		}

		private static byte[] handshake(int type, int messageSequence, byte[] body) {
			ByteBuffer handshake = ByteBuffer.allocate(12 + body.length);
			handshake.put((byte) type).put(int24(body.length));
			handshake.putShort((short) messageSequence).put(int24(0)).put(int24(body.length));
			handshake.put(body);
			return handshake.array();
		}

		private static byte[] record(int type, int epoch, long sequence, byte[] fragment) {
			ByteBuffer record = ByteBuffer.allocate(13 + fragment.length);
			record.put((byte) type).putShort((short) 0xFEFD).putShort((short) epoch);
			record.putShort((short) (sequence >> 32)).putInt((int) sequence);
			record.putShort((short) fragment.length).put(fragment);
			return record.array();
		}

		private static byte[] int24(int value) {
			return new byte[] { (byte) (value >> 16), (byte) (value >> 8), (byte) value };
		}

		private static byte[] bytes(Random random, int length) {
			byte[] bytes = new byte[length];
			random.nextBytes(bytes);
			return bytes;
		}

	}

}
