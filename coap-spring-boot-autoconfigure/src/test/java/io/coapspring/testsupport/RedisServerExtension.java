package io.coapspring.testsupport;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link RedisServer} for all the tests of a class: started before the first, stopped by its PID after the
 * last. Register it as {@code @RegisterExtension static final RedisServerExtension redis = new
 * RedisServerExtension();}. Like {@link RedisServer#start()}, it skips the class when {@code redis-server} is
 * missing, and fails it on CI.
 */
public final class RedisServerExtension implements BeforeAllCallback, AfterAllCallback {

	private @Nullable RedisServer server;

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		this.server = RedisServer.start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		RedisServer server = this.server;
		this.server = null;
		if (server != null) {
			server.close();
		}
	}

	/**
	 * Return the running server.
	 * @return the server
	 * @throws IllegalStateException if it is not running (outside the class's tests)
	 */
	public RedisServer server() {
		RedisServer server = this.server;
		if (server == null) {
			throw new IllegalStateException("redis-server runs only while the tests of the class run");
		}
		return server;
	}

	/**
	 * Return the server's port on 127.0.0.1.
	 * @return the port
	 */
	public int getPort() {
		return server().getPort();
	}

	/**
	 * Stop the server and start a new, empty one on the same port.
	 * @throws IOException if it cannot be started again
	 */
	public void restart() throws IOException {
		server().restart();
	}

}
