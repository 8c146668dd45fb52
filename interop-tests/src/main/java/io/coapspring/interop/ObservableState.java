package io.coapspring.interop;

import java.util.Optional;

/**
 * The state of {@code /obs}: a counter that ticks periodically until a client PUTs a representation of its own
 * or DELETEs the resource; {@link #reset()} returns to the ticking counter.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class ObservableState {

	private long ticks;

	private Representation representation = counter(0);

	private boolean deleted;

	private boolean clientOwned;

	/**
	 * Return the current representation.
	 * @return the representation, empty once deleted
	 */
	public synchronized Optional<Representation> get() {
		return this.deleted ? Optional.empty() : Optional.of(this.representation);
	}

	/**
	 * Advance the counter, unless a client owns the representation or deleted the resource.
	 * @return whether the representation changed
	 */
	public synchronized boolean tick() {
		this.ticks++;
		if (this.deleted || this.clientOwned) {
			return false;
		}
		this.representation = counter(this.ticks);
		return true;
	}

	/**
	 * Replace the representation with one a client sent.
	 * @param representation the new representation
	 * @return the Content-Format of the previous representation, or -1 if there was none
	 */
	public synchronized int put(Representation representation) {
		int previous = this.deleted ? -1 : this.representation.contentFormat();
		this.representation = representation;
		this.clientOwned = true;
		this.deleted = false;
		return previous;
	}

	/**
	 * Delete the resource.
	 * @return whether it existed
	 */
	public synchronized boolean delete() {
		boolean existed = !this.deleted;
		this.deleted = true;
		return existed;
	}

	/**
	 * Return to the ticking counter.
	 */
	public synchronized void reset() {
		this.deleted = false;
		this.clientOwned = false;
		this.representation = counter(this.ticks);
	}

	private static Representation counter(long ticks) {
		return Representation.text("Observed value " + ticks);
	}

}
