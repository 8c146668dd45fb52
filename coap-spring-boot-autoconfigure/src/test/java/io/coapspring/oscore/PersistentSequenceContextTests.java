package io.coapspring.oscore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.eclipse.californium.cose.AlgorithmID;
import org.eclipse.californium.oscore.OSException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link PersistentSequenceContext} and {@link SenderSequenceFile}: RFC 8613 Appendix B.1.1.
 */
class PersistentSequenceContextTests {

	@TempDir
	Path directory;

	@Test
	void firstStartReservesBeforeTheFirstNumberIsUsed() throws Exception {
		PersistentSequenceContext context = context(10);
		assertThat(context.getSenderSeq()).isZero();
		assertThat(file().read()).isEqualTo(10);
	}

	@Test
	void theLimitMovesBeforeANumberBeyondItIsUsed() throws Exception {
		PersistentSequenceContext context = context(10);
		for (int i = 0; i < 9; i++) {
			context.increaseSenderSeq();
		}
		assertThat(context.getSenderSeq()).isEqualTo(9);
		assertThat(file().read()).isEqualTo(10);
		context.increaseSenderSeq();
		assertThat(context.getSenderSeq()).isEqualTo(10);
		assertThat(file().read()).as("10 reserved before it is used").isEqualTo(20);
	}

	@Test
	void aRestartContinuesAboveEveryNumberThatMayHaveBeenUsed() throws Exception {
		PersistentSequenceContext before = context(10);
		for (int i = 0; i < 13; i++) {
			before.increaseSenderSeq();
		}
		// a crash here: 13 was the next number, 20 the stored limit
		PersistentSequenceContext after = context(10);
		assertThat(after.getSenderSeq()).isEqualTo(20).isGreaterThan(before.getSenderSeq());
		assertThat(file().read()).isEqualTo(30);
	}

	@Test
	void aFileThatHoldsNoNumberFailsClearly() throws Exception {
		Files.writeString(file().getPath(), "garbage");
		assertThatIllegalStateException().isThrownBy(() -> context(10))
			.withMessageContaining("does not hold a sequence number");
	}

	@Test
	void aLimitThatCannotBeWrittenStopsTheMessage() throws Exception {
		PersistentSequenceContext context = context(1);
		Path blocker = file().getPath().resolveSibling(file().getPath().getFileName() + ".tmp");
		Files.createDirectory(blocker);
		assertThatExceptionOfType(OSException.class).isThrownBy(context::increaseSenderSeq)
			.withMessageContaining("Cannot persist");
		assertThat(context.getSenderSeq()).isZero();
	}

	private SenderSequenceFile file() {
		return new SenderSequenceFile(this.directory, "peer");
	}

	private PersistentSequenceContext context(int reserve) throws OSException {
		return new PersistentSequenceContext(HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f10"), false,
				AlgorithmID.AES_CCM_16_64_128, new byte[] { 1 }, new byte[] { 2 }, AlgorithmID.HKDF_HMAC_SHA_256, 32,
				null, null, 1024, file(), reserve);
	}

}
