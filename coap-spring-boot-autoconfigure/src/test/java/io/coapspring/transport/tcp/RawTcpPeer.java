package io.coapspring.transport.tcp;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A hand-driven CoAP over TCP peer on a plain socket: writes the bytes a test gives it and reads RFC 8323
 * frames, so tests can send what no well-behaved client sends.
 */
final class RawTcpPeer implements AutoCloseable {

	private final Socket socket;

	private final DataInputStream in;

	RawTcpPeer(int port) throws IOException {
		this(connect(port));
	}

	/**
	 * Drive a connection accepted from a client.
	 * @param socket the connection
	 */
	RawTcpPeer(Socket socket) throws IOException {
		this.socket = socket;
		this.socket.setSoTimeout(10000);
		this.in = new DataInputStream(this.socket.getInputStream());
	}

	private static Socket connect(int port) throws IOException {
		Socket socket = new Socket();
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
		return socket;
	}

	RawTcpPeer send(byte[] bytes) throws IOException {
		this.socket.getOutputStream().write(bytes);
		this.socket.getOutputStream().flush();
		return this;
	}

	RawTcpPeer send(int... bytes) throws IOException {
		byte[] data = new byte[bytes.length];
		for (int i = 0; i < bytes.length; i++) {
			data[i] = (byte) bytes[i];
		}
		return send(data);
	}

	/** Send an empty CSM. */
	RawTcpPeer csm() throws IOException {
		return send(0x00, 0xE1);
	}

	/**
	 * Read one frame.
	 * @return the frame
	 */
	Frame read() throws IOException {
		int first = this.in.readUnsignedByte();
		int lengthNibble = first >>> 4;
		int tokenLength = first & 0x0F;
		long length = switch (lengthNibble) {
			case 13 -> this.in.readUnsignedByte() + 13;
			case 14 -> this.in.readUnsignedShort() + 269;
			case 15 -> (this.in.readInt() & 0xFFFFFFFFL) + 65805;
			default -> lengthNibble;
		};
		int code = this.in.readUnsignedByte();
		byte[] token = new byte[tokenLength];
		this.in.readFully(token);
		byte[] body = new byte[(int) length];
		this.in.readFully(body);
		return new Frame(code, token, body);
	}

	/**
	 * Return whether the server closed the connection: reads until the end of the stream, discarding frames.
	 * @return whether the stream ended before the socket's read timeout
	 */
	boolean closedByServer() throws IOException {
		try {
			while (this.in.read() >= 0) {
				// discard
			}
			return true;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	void readTimeout(int millis) throws IOException {
		this.socket.setSoTimeout(millis);
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
	}

	/**
	 * A frame: code, token, and options and payload as bytes.
	 */
	record Frame(int code, byte[] token, byte[] body) {

		String codeText() {
			return (this.code >>> 5) + "." + String.format("%02d", this.code & 0x1F);
		}

		/** The payload after the 0xFF marker, as text, or "" without one. */
		String payloadText() {
			int marker = payloadStart();
			return (marker < 0) ? ""
					: new String(Arrays.copyOfRange(this.body, marker + 1, this.body.length), StandardCharsets.UTF_8);
		}

		/** The option bytes (before the payload marker). */
		byte[] optionBytes() {
			int marker = payloadStart();
			return (marker < 0) ? this.body : Arrays.copyOfRange(this.body, 0, marker);
		}

		private int payloadStart() {
			int i = 0;
			while (i < this.body.length) {
				int b = this.body[i] & 0xFF;
				if (b == 0xFF) {
					return i;
				}
				int delta = b >>> 4;
				int length = b & 0x0F;
				i++;
				i += (delta == 13) ? 1 : (delta == 14) ? 2 : 0;
				if (length == 13) {
					length = (this.body[i] & 0xFF) + 13;
					i++;
				}
				else if (length == 14) {
					length = ((this.body[i] & 0xFF) << 8 | (this.body[i + 1] & 0xFF)) + 269;
					i += 2;
				}
				i += length;
			}
			return -1;
		}

	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
