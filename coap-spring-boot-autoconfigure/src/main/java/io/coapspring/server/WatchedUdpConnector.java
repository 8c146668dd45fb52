package io.coapspring.server;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.californium.elements.UDPConnector;
import org.eclipse.californium.elements.config.Configuration;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Californium's {@link UDPConnector} that knows its receiver and sender threads, so that the death of one (an
 * {@link Error} such as an {@code OutOfMemoryError} thrown while Californium logged an earlier one) can be told
 * from outside: {@link #getDeadThreads()}. Started again after a stop, it binds the address it was bound to
 * before, so that a restart keeps a port that was picked at random.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class WatchedUdpConnector extends UDPConnector {

	private final InetSocketAddress bindAddress;

	private volatile List<Thread> networkThreads = List.of();

	private volatile @Nullable InetSocketAddress boundAddress;

	/**
	 * Create a connector.
	 * @param bindAddress the address to bind, port 0 for a free one
	 * @param configuration the configuration
	 */
	public WatchedUdpConnector(InetSocketAddress bindAddress, Configuration configuration) {
		super(bindAddress, configuration);
		Assert.notNull(bindAddress, "'bindAddress' must not be null");
		this.bindAddress = bindAddress;
	}

	@Override
	public synchronized void start() throws IOException {
		InetSocketAddress previous = this.boundAddress;
		if (isRunning() || previous == null) {
			super.start();
			return;
		}
		DatagramSocket socket = new DatagramSocket(null);
		try {
			socket.bind(previous);
			init(socket);
		}
		catch (IOException | RuntimeException ex) {
			socket.close();
			throw ex;
		}
	}

	@Override
	protected void init(DatagramSocket socket) throws IOException {
		// Californium names its threads after the address it was created with and starts them in init
		Set<Thread> before = Thread.getAllStackTraces().keySet();
		super.init(socket);
		List<Thread> started = new ArrayList<>();
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (!before.contains(thread) && isNetworkThread(thread.getName())) {
				started.add(thread);
			}
		}
		this.networkThreads = List.copyOf(started);
		this.boundAddress = (InetSocketAddress) socket.getLocalSocketAddress();
	}

	private boolean isNetworkThread(String name) {
		String suffix = "-" + this.bindAddress + "[";
		return name.startsWith("UDP-Receiver" + suffix) || name.startsWith("UDP-Sender" + suffix);
	}

	/**
	 * Return the receiver and sender threads started last.
	 * @return the threads
	 */
	public List<Thread> getNetworkThreads() {
		return this.networkThreads;
	}

	/**
	 * Return the names of the receiver and sender threads that ended while the connector runs.
	 * @return the names, empty if every thread is alive or the connector does not run
	 */
	public List<String> getDeadThreads() {
		if (!isRunning()) {
			return List.of();
		}
		List<String> dead = new ArrayList<>();
		for (Thread thread : this.networkThreads) {
			if (!thread.isAlive()) {
				dead.add(thread.getName());
			}
		}
		return dead;
	}

}
