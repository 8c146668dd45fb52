package io.coapspring.oscore;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.eclipse.californium.cose.AlgorithmID;
import org.eclipse.californium.oscore.OSCoreCtx;
import org.eclipse.californium.oscore.OSException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * An OSCORE security context whose sender sequence numbers survive restarts, the procedure of RFC 8613 Appendix
 * B.1.1: before a sequence number is used, a limit above it is written to a {@link SenderSequenceFile}, reserving
 * the numbers up to that limit; a new start continues from the stored limit. A crash therefore skips at most
 * {@code reserve} numbers and never reuses one, and a file is written once every {@code reserve} messages.
 * <p>
 * If the file cannot be written, the message is not protected and not sent: the stack reports an error rather
 * than risk a nonce reuse.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class PersistentSequenceContext extends OSCoreCtx {

	private final SenderSequenceFile file;

	private final int reserve;

	private long limit;

	/**
	 * Create a context and reserve its first sequence numbers.
	 * @param masterSecret the master secret
	 * @param client whether this side is originally the client (only chooses default IDs)
	 * @param aead the AEAD algorithm
	 * @param senderId the sender ID
	 * @param recipientId the recipient ID
	 * @param hkdf the HKDF algorithm
	 * @param replayWindow the size of the replay window
	 * @param masterSalt the master salt, or {@code null} for the empty salt
	 * @param idContext the ID context, or {@code null} for none
	 * @param maxUnfragmentedSize the largest message size before fragmentation
	 * @param file the file of the sequence number limit
	 * @param reserve how many sequence numbers each write reserves, at least 1
	 * @throws OSException if the key derivation fails
	 * @throws UncheckedIOException if the file cannot be read or written
	 */
	public PersistentSequenceContext(byte[] masterSecret, boolean client, AlgorithmID aead, byte[] senderId,
			byte[] recipientId, AlgorithmID hkdf, int replayWindow, byte @Nullable [] masterSalt,
			byte @Nullable [] idContext, int maxUnfragmentedSize, SenderSequenceFile file, int reserve)
			throws OSException {
		super(masterSecret, client, aead, senderId, recipientId, hkdf, replayWindow, masterSalt, idContext,
				maxUnfragmentedSize);
		Assert.notNull(file, "'file' must not be null");
		Assert.isTrue(reserve > 0, "'reserve' must be positive");
		this.file = file;
		this.reserve = reserve;
		long start = file.read();
		Assert.state(start < Integer.MAX_VALUE - reserve, () -> "The OSCORE sequence numbers of " + file.getPath()
				+ " are used up: replace the context (new master secret or ID context)");
		setSenderSeq((int) start);
		try {
			reserve(start);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the OSCORE sequence number file " + file.getPath(), ex);
		}
	}

	/**
	 * Return the limit below which sequence numbers are reserved.
	 * @return the limit stored in the file
	 */
	public synchronized long getReservedLimit() {
		return this.limit;
	}

	@Override
	public synchronized void increaseSenderSeq() throws OSException {
		long next = getSenderSeq() + 1L;
		if (next >= this.limit) {
			try {
				reserve(next);
			}
			catch (IOException ex) {
				throw new OSException("Cannot persist the OSCORE sender sequence number: " + ex.getMessage());
			}
		}
		super.increaseSenderSeq();
	}

	private void reserve(long from) throws IOException {
		long newLimit = from + this.reserve;
		this.file.write(newLimit);
		this.limit = newLimit;
	}

}
