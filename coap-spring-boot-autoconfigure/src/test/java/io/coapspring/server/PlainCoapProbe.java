package io.coapspring.server;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.jspecify.annotations.Nullable;

/**
 * Sends well-formed requests (CON GETs unless given another) over a plain {@link DatagramSocket} and waits for
 * the matching response, without any Californium endpoint on the client side (so no static default endpoint
 * and no client state can hide a server problem). Datagrams that do not match the request are skipped.
 */
public final class PlainCoapProbe implements AutoCloseable {

	private final DatagramSocket socket;

	private final InetSocketAddress server;

	private final AtomicInteger messageIds = new AtomicInteger(1);

	private final UdpDataSerializer serializer = new UdpDataSerializer();

	private final UdpDataParser parser = new UdpDataParser();

	public PlainCoapProbe(InetSocketAddress server) throws IOException {
		this.server = server;
		this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
	}

	/**
	 * Send a CON GET for the given path and wait for its response.
	 * @param path the path, without leading slash
	 * @param timeoutMillis how long to wait for the response in all
	 * @return the response, or {@code null} if none came in time
	 */
	public @Nullable Response get(String path, int timeoutMillis) throws IOException {
		int mid = this.messageIds.getAndIncrement() & 0xFFFF;
		byte[] tokenBytes = { (byte) 0xC0, (byte) 0xA9, (byte) (mid >> 8), (byte) mid };
		Request request = Request.newGet();
		request.setType(Type.CON);
		request.setMID(mid);
		request.setToken(Token.fromProvider(tokenBytes));
		request.getOptions().setUriPath(path);
		return exchange(request, timeoutMillis);
	}

	/**
	 * Send a request, with its type, message ID and token set, and wait for the response with its token.
	 * @param request the request
	 * @param timeoutMillis how long to wait for the response in all
	 * @return the response, or {@code null} if none came in time
	 */
	public @Nullable Response exchange(Request request, int timeoutMillis) throws IOException {
		byte[] tokenBytes = request.getTokenBytes();
		byte[] bytes = this.serializer.getByteArray(request);
		this.socket.send(new DatagramPacket(bytes, bytes.length, this.server));
		long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
		byte[] buffer = new byte[2048];
		while (true) {
			long left = (deadline - System.nanoTime()) / 1_000_000L;
			if (left <= 0) {
				return null;
			}
			this.socket.setSoTimeout((int) left);
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			try {
				this.socket.receive(packet);
			}
			catch (SocketTimeoutException ex) {
				return null;
			}
			Message message;
			try {
				message = this.parser.parseMessage(Arrays.copyOf(packet.getData(), packet.getLength()));
			}
			catch (RuntimeException ex) {
				continue;
			}
			if (message instanceof Response response && Arrays.equals(response.getTokenBytes(), tokenBytes)) {
				return response;
			}
		}
	}

	@Override
	public void close() {
		this.socket.close();
	}

}
