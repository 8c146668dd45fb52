package io.coapspring.interop;

/**
 * The 1,400 bytes of text that {@code /large} serves and {@code /large-update} starts with: numbered lines,
 * so that a gap or a block out of order shows.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class LargeText {

	/**
	 * The size in bytes.
	 */
	public static final int SIZE = 1400;

	private LargeText() {
	}

	/**
	 * Create the text.
	 * @return a text/plain representation of {@link #SIZE} bytes
	 */
	public static Representation create() {
		StringBuilder text = new StringBuilder(SIZE);
		int line = 0;
		while (text.length() < SIZE) {
			text.append(String.format("%03d|CoAP Spring Boot plugtest /large, line %03d of the large resource.%n",
					line, line));
			line++;
		}
		text.setLength(SIZE - 1);
		text.append('\n');
		return Representation.text(text.toString());
	}

}
