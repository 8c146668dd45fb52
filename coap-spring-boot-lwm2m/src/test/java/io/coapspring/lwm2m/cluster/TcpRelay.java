package io.coapspring.lwm2m.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * A TCP relay on a free port of 127.0.0.1 to one target port, to put between one node and Redis: {@link #cut()}
 * closes every relayed connection and stops listening (the node's connections break and new ones are refused, as
 * when the node loses its network path to Redis), {@link #restore()} listens again on the same port. Each
 * connection uses two threads; the relay serves the few connections of one node.
 */
final class TcpRelay implements AutoCloseable {

	private final int target;

	private final int port;

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private volatile @Nullable ServerSocket listener;

	private TcpRelay(int target, ServerSocket listener) {
		this.target = target;
		this.port = listener.getLocalPort();
		this.listener = listener;
	}

	static TcpRelay start(int target) throws IOException {
		ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		TcpRelay relay = new TcpRelay(target, listener);
		relay.accept(listener);
		return relay;
	}

	int getPort() {
		return this.port;
	}

	private void accept(ServerSocket listener) {
		thread("relay-accept-" + this.port, () -> {
			while (!listener.isClosed()) {
				try {
					Socket client = listener.accept();
					Socket server = new Socket();
					server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.target), 2000);
					this.sockets.add(client);
					this.sockets.add(server);
					pump(client, server);
					pump(server, client);
				}
				catch (IOException ex) {
					// closed by cut() or close(), or the target refused: the next accept decides
				}
			}
		});
	}

	private void pump(Socket from, Socket to) {
		thread("relay-" + from.getPort() + "-" + to.getPort(), () -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// one side closed
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				this.sockets.remove(from);
				this.sockets.remove(to);
			}
		});
	}

	private static void thread(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * Stop listening and close every relayed connection.
	 */
	void cut() {
		ServerSocket current = this.listener;
		this.listener = null;
		if (current != null) {
			closeQuietly(current);
		}
		this.sockets.forEach(TcpRelay::closeQuietly);
		this.sockets.clear();
	}

	/**
	 * Listen again on the same port.
	 * @throws IOException if the port cannot be bound again
	 */
	void restore() throws IOException {
		ServerSocket listener = new ServerSocket();
		listener.setReuseAddress(true);
		listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 50);
		this.listener = listener;
		accept(listener);
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

	@Override
	public void close() {
		cut();
	}

}
