package io.coapspring.transport.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebSocket client that sends and reads raw CoAP over WebSockets messages (RFC 8323 section 4.2), on the
 * JDK's WebSocket client: for the tests of the server's signaling and its answers to bad input.
 */
final class RawWebSocketPeer implements AutoCloseable {

	/** Our CSM: no options. */
	static final byte[] CSM = { 0x00, (byte) 0xE1 };

	/** GET /hello with token 0x01. */
	static final byte[] GET_HELLO = { 0x01, 0x01, 0x01, (byte) 0xB5, 'h', 'e', 'l', 'l', 'o' };

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final HttpClient client = HttpClient.newHttpClient();

	private final WebSocket socket;

	RawWebSocketPeer(URI uri, String... subprotocols) throws Exception {
		WebSocket.Builder builder = this.client.newWebSocketBuilder().connectTimeout(WAIT);
		if (subprotocols.length > 0) {
			builder.subprotocols(subprotocols[0], Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
		}
		this.socket = builder.buildAsync(uri, new Listener()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
	}

	RawWebSocketPeer send(byte[] message) throws Exception {
		this.socket.sendBinary(ByteBuffer.wrap(message), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
		return this;
	}

	RawWebSocketPeer sendText(String text) {
		// the server may close the connection before the send completes
		this.socket.sendText(text, true);
		return this;
	}

	/**
	 * Read the next binary message.
	 * @return the message
	 */
	byte[] read() throws InterruptedException {
		byte[] message = this.received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
		assertThat(message).as("a message within " + WAIT).isNotNull();
		return message;
	}

	/**
	 * Read the next binary message and return its code.
	 * @return the code byte
	 */
	int readCode() throws InterruptedException {
		return read()[1] & 0xFF;
	}

	/**
	 * Read messages up to an Abort and return its diagnostic.
	 * @return the diagnostic payload
	 */
	String readAbort() throws InterruptedException {
		while (true) {
			byte[] message = read();
			if ((message[1] & 0xFF) == 0xE5) {
				int marker = indexOf(message, (byte) 0xFF, 2 + (message[0] & 0x0F));
				return (marker < 0) ? ""
						: new String(message, marker + 1, message.length - marker - 1, StandardCharsets.UTF_8);
			}
		}
	}

	private static int indexOf(byte[] bytes, byte value, int from) {
		for (int i = from; i < bytes.length; i++) {
			if (bytes[i] == value) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Wait for the server to close the connection.
	 * @return the close code
	 */
	int awaitClose() throws Exception {
		return this.closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
	}

	String getSubprotocol() {
		return this.socket.getSubprotocol();
	}

	@Override
	public void close() {
		this.socket.abort();
	}

	private final class Listener implements WebSocket.Listener {

		private final java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();

		@Override
		public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
			byte[] bytes = new byte[data.remaining()];
			data.get(bytes);
			this.partial.writeBytes(bytes);
			if (last) {
				RawWebSocketPeer.this.received.add(this.partial.toByteArray());
				this.partial.reset();
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			RawWebSocketPeer.this.closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			RawWebSocketPeer.this.closed.complete(-1);
		}

	}

}
