package io.coapspring.interop;

import java.util.function.Supplier;

import org.opentest4j.TestAbortedException;

/**
 * A peer (client or server) started on first use and kept for every case of a test class; a missing peer is
 * reported the same way to every case: skipped, or failed on CI.
 *
 * @param <T> the kind of peer
 */
final class LazyPeer<T extends AutoCloseable> {

	private final Supplier<T> factory;

	private T peer;

	private RuntimeException abort;

	private Error failure;

	LazyPeer(Supplier<T> factory) {
		this.factory = factory;
	}

	synchronized T get() {
		if (this.abort != null) {
			throw this.abort;
		}
		if (this.failure != null) {
			throw this.failure;
		}
		if (this.peer == null) {
			try {
				this.peer = this.factory.get();
			}
			catch (TestAbortedException ex) {
				this.abort = ex;
				throw ex;
			}
			catch (Error ex) {
				this.failure = ex;
				throw ex;
			}
		}
		return this.peer;
	}

	synchronized void close() {
		if (this.peer != null) {
			try {
				this.peer.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Cannot stop " + this.peer, ex);
			}
		}
	}

}
