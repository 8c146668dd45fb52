package io.coapspring.cluster;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * A {@link io.coapspring.server.observe.CoapNotifier#changed(String)} signalled on one node, as it travels to the
 * others: the id of the node it comes from, a line break, and the URI or pattern.
 *
 * @param node the id of the node where the change was signalled
 * @param uriOrPattern the changed URI or pattern
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record ClusterChange(String node, String uriOrPattern) {

	/**
	 * Return the message published for this change.
	 * @return the message bytes, UTF-8
	 */
	public byte[] encode() {
		return (this.node + "\n" + this.uriOrPattern).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Read a published message.
	 * @param message the message bytes
	 * @return the change, or {@code null} if the message is not one
	 */
	public static @Nullable ClusterChange decode(byte[] message) {
		String text = new String(message, StandardCharsets.UTF_8);
		int separator = text.indexOf('\n');
		if (separator <= 0 || separator == text.length() - 1) {
			return null;
		}
		return new ClusterChange(text.substring(0, separator), text.substring(separator + 1));
	}

}
