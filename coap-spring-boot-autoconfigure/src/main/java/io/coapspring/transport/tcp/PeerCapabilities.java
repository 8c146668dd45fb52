package io.coapspring.transport.tcp;

/**
 * What the peer of one connection announced in its CSM (RFC 8323 section 5.3), read by the handlers of that
 * connection's pipeline.
 *
 * @author CoAP Spring Boot team
 */
final class PeerCapabilities {

	private volatile boolean csmReceived;

	private volatile long maxMessageSize = SignalingMessages.DEFAULT_MAX_MESSAGE_SIZE;

	private volatile boolean blockWise;

	private volatile long lastPong;

	private boolean csmSent;

	boolean isCsmReceived() {
		return this.csmReceived;
	}

	long getMaxMessageSize() {
		return this.maxMessageSize;
	}

	boolean isBlockWise() {
		return this.blockWise;
	}

	/**
	 * Mark our CSM as sent; called on the connection's event loop only.
	 * @return {@code true} the first time, when the CSM still has to be written
	 */
	boolean markCsmSent() {
		if (this.csmSent) {
			return false;
		}
		this.csmSent = true;
		return true;
	}

	long getLastPong() {
		return this.lastPong;
	}

	void pong() {
		this.lastPong = System.nanoTime();
	}

	void csm(long maxMessageSize, boolean blockWise) {
		this.maxMessageSize = maxMessageSize;
		this.blockWise = this.blockWise || blockWise;
		this.csmReceived = true;
	}

}
