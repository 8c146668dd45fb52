package io.coapspring.server.handler;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs a server must survive, over UDP: oversized bodies, unknown critical options, empty and garbage
 * datagrams.
 */
class BadInputEndToEndTests extends AbstractEndToEndTests {

	@Test
	void bodyOfSixtyFourKilobytesIsReassembledFromBlocks() {
		byte[] body = new byte[64 * 1024];
		Arrays.fill(body, (byte) 7);
		body[0] = 1;
		body[body.length - 1] = 9;
		Request request = this.client.request(Code.POST, "/args/raw");
		request.setPayload(body);
		request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_OCTET_STREAM);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
		assertThat(response.getResponseText()).isEqualTo("bytes=65536;first=1;last=9");
	}

	@Test
	void responseOfSixtyFourKilobytesIsSentInBlocks() {
		CoapResponse response = this.client.get("/returns/large");
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		byte[] payload = response.getPayload();
		assertThat(payload).hasSize(ReturnsController.LARGE_SIZE);
		assertThat(new String(payload, 0, 3, StandardCharsets.UTF_8)).isEqualTo("abc");
	}

	@Test
	void bodyOverTheMaximumResourceBodySizeIsRequestEntityTooLarge() {
		Request request = this.client.request(Code.POST, "/args/raw");
		request.setPayload(new byte[64 * 1024 + 1]);
		request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_OCTET_STREAM);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.REQUEST_ENTITY_TOO_LARGE);
		assertThat(response.getOptions().getSize1()).isEqualTo(64 * 1024);
	}

	@Test
	void unknownCriticalOptionIsBadOption() throws Exception {
		try (DatagramSocket socket = socket()) {
			// CON GET, MID 0x1234, token 0xAB, Uri-Path "returns", Uri-Path "string", option 65003 (critical,
			// not registered) with value 0x01
			byte[] datagram = request(0x1234, new byte[] { (byte) 0xAB }, 65003);
			byte[] reply = exchange(socket, datagram);
			assertThat(reply[0] & 0xFF).as("version 1, ACK, token length 1").isEqualTo(0x61);
			assertThat(reply[1] & 0xFF).as("4.02 Bad Option").isEqualTo(0x82);
			assertThat(((reply[2] & 0xFF) << 8) | (reply[3] & 0xFF)).isEqualTo(0x1234);
			assertThat(reply[4]).isEqualTo((byte) 0xAB);
		}
		assertThat(this.client.get("/returns/string").getResponseText()).isEqualTo("hello");
	}

	@Test
	void registeredCriticalOptionIsAccepted() throws Exception {
		try (DatagramSocket socket = socket()) {
			byte[] reply = exchange(socket, request(0x2345, new byte[] { 1 }, EndToEndApplication.SENSOR_ID_OPTION));
			assertThat(reply[1] & 0xFF).as("2.05 Content").isEqualTo(0x45);
		}
	}

	@Test
	void emptyAndGarbageDatagramsAreIgnoredAndTheServerKeepsAnswering() throws Exception {
		Random random = new Random(42);
		try (DatagramSocket socket = socket()) {
			InetAddress server = InetAddress.getByName("127.0.0.1");
			socket.send(new DatagramPacket(new byte[0], 0, server, this.port));
			for (int i = 0; i < 20; i++) {
				byte[] garbage = new byte[1 + random.nextInt(64)];
				random.nextBytes(garbage);
				socket.send(new DatagramPacket(garbage, garbage.length, server, this.port));
			}
			byte[] truncated = { 0x40, 0x01 };
			socket.send(new DatagramPacket(truncated, truncated.length, server, this.port));
			// Whatever the server replies to garbage (nothing or a reset), a well-formed request is answered
			byte[] reply = exchange(socket, request(0x3456, new byte[] { 2 }, -1));
			assertThat(reply[1] & 0xFF).as("2.05 Content").isEqualTo(0x45);
		}
		assertThat(this.client.get("/returns/string").getResponseText()).isEqualTo("hello");
	}

	private static DatagramSocket socket() throws Exception {
		DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
		socket.setSoTimeout(5000);
		return socket;
	}

	private byte[] exchange(DatagramSocket socket, byte[] datagram) throws Exception {
		InetAddress server = InetAddress.getByName("127.0.0.1");
		socket.send(new DatagramPacket(datagram, datagram.length, server, this.port));
		int mid = ((datagram[2] & 0xFF) << 8) | (datagram[3] & 0xFF);
		byte[] buffer = new byte[2048];
		while (true) {
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			try {
				socket.receive(packet);
			}
			catch (SocketTimeoutException ex) {
				throw new AssertionError("No reply to message " + mid, ex);
			}
			byte[] reply = Arrays.copyOf(packet.getData(), packet.getLength());
			// skip resets and replies to earlier garbage
			if (reply.length >= 4 && (((reply[2] & 0xFF) << 8) | (reply[3] & 0xFF)) == mid && (reply[0] & 0x30) == 0x20) {
				return reply;
			}
		}
	}

	/**
	 * Encode a CON GET of /returns/string, with an extra option of the given number and value 1 when the
	 * number is not negative.
	 */
	private static byte[] request(int mid, byte[] token, int extraOption) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0x40 | token.length);
		out.write(0x01);
		out.write(mid >> 8);
		out.write(mid & 0xFF);
		out.writeBytes(token);
		int previous = 0;
		previous = option(out, previous, 11, "returns".getBytes(StandardCharsets.US_ASCII));
		previous = option(out, previous, 11, "string".getBytes(StandardCharsets.US_ASCII));
		if (extraOption >= 0) {
			option(out, previous, extraOption, new byte[] { 1 });
		}
		return out.toByteArray();
	}

	private static int option(ByteArrayOutputStream out, int previous, int number, byte[] value) {
		int delta = number - previous;
		int deltaNibble = nibble(delta);
		int lengthNibble = nibble(value.length);
		out.write((deltaNibble << 4) | lengthNibble);
		extended(out, deltaNibble, delta);
		extended(out, lengthNibble, value.length);
		out.writeBytes(value);
		return number;
	}

	private static int nibble(int value) {
		return (value < 13) ? value : (value < 269) ? 13 : 14;
	}

	private static void extended(ByteArrayOutputStream out, int nibble, int value) {
		if (nibble == 13) {
			out.write(value - 13);
		}
		else if (nibble == 14) {
			out.write((value - 269) >> 8);
			out.write((value - 269) & 0xFF);
		}
	}

}
