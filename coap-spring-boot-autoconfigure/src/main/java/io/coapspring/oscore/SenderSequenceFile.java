package io.coapspring.oscore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.springframework.util.Assert;

/**
 * A file that holds the sender sequence number below which an OSCORE security context may have used numbers:
 * the next start continues from it, so that no nonce is used twice. It is replaced atomically (a temporary file
 * written and forced to the device, then moved over the old one), so a crash leaves the old value or the new
 * one, never a torn one.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class SenderSequenceFile {

	private final Path file;

	/**
	 * Create the file of a context in a directory.
	 * @param directory the directory, created if missing
	 * @param contextName the name of the context; letters, digits, '-', '_' and '.' are kept, other characters
	 * replaced
	 */
	public SenderSequenceFile(Path directory, String contextName) {
		Assert.notNull(directory, "'directory' must not be null");
		Assert.hasText(contextName, "'contextName' must not be empty");
		this.file = directory.resolve(contextName.replaceAll("[^A-Za-z0-9._-]", "_") + ".sequence");
	}

	/**
	 * Return the path of the file.
	 * @return the path
	 */
	public Path getPath() {
		return this.file;
	}

	/**
	 * Read the stored limit.
	 * @return the limit, 0 if the file does not exist yet
	 * @throws UncheckedIOException if the file cannot be read
	 * @throws IllegalStateException if the file does not hold a sequence number
	 */
	public long read() {
		if (!Files.exists(this.file)) {
			return 0;
		}
		String text;
		try {
			text = Files.readString(this.file, StandardCharsets.US_ASCII).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the OSCORE sequence number file " + this.file, ex);
		}
		try {
			long value = Long.parseLong(text);
			Assert.state(value >= 0, "negative");
			return value;
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("The OSCORE sequence number file " + this.file
					+ " does not hold a sequence number; never reset it by hand: replace the context instead", ex);
		}
	}

	/**
	 * Store a new limit and force it to the storage device before returning.
	 * @param limit the sequence number below which numbers may be used from now on
	 * @throws IOException if the file cannot be written
	 */
	public void write(long limit) throws IOException {
		Files.createDirectories(this.file.getParent());
		Path temporary = this.file.resolveSibling(this.file.getFileName() + ".tmp");
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			channel.write(ByteBuffer.wrap((limit + "\n").getBytes(StandardCharsets.US_ASCII)));
			channel.force(true);
		}
		Files.move(temporary, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

}
