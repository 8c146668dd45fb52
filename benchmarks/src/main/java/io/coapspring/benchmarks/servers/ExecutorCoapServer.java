package io.coapspring.benchmarks.servers;

import java.util.concurrent.Executor;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;
import org.jspecify.annotations.Nullable;

/**
 * A Californium {@link CoapServer} whose resources run on an executor instead of the protocol threads.
 * <p>
 * Californium hands a request to {@link Resource#getExecutor()} when it is not {@code null}, and a
 * {@link CoapResource} asks its parent; so the root resource answering with the executor puts every resource
 * below it there, with no change to the resources themselves.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class ExecutorCoapServer extends CoapServer {

	/**
	 * Create a server.
	 * @param configuration the configuration
	 * @param executor the executor every resource runs on
	 */
	public ExecutorCoapServer(Configuration configuration, Executor executor) {
		super(configuration);
		((ExecutorRoot) getRoot()).executor = executor;
	}

	// called by CoapServer's constructor, before this class's fields are set
	@Override
	protected Resource createRoot() {
		return new ExecutorRoot();
	}

	/**
	 * The root resource: answers nothing itself, names the executor for everything below it.
	 */
	private static final class ExecutorRoot extends CoapResource {

		private volatile @Nullable Executor executor;

		ExecutorRoot() {
			super("");
		}

		@Override
		public @Nullable Executor getExecutor() {
			return this.executor;
		}

	}

}
