package io.coapspring.server.deduplication;

/**
 * Why a message was forgotten by a {@link BoundedDeduplicator} before its exchange lifetime ended.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public enum EvictionReason {

	/**
	 * The deduplicator remembered its largest number of messages in total: the oldest message of the least
	 * recently active peer was forgotten.
	 */
	MAX_MESSAGES("max-messages"),

	/**
	 * The deduplicator remembered messages of its largest number of peers: every message of the least recently
	 * active peer was forgotten.
	 */
	MAX_PEERS("max-peers"),

	/**
	 * The peer's window was full: its oldest message was forgotten.
	 */
	MESSAGES_PER_PEER("messages-per-peer");

	private final String tag;

	EvictionReason(String tag) {
		this.tag = tag;
	}

	/**
	 * Return the value of the {@code reason} tag of the evictions meter.
	 * @return the tag value
	 */
	public String tag() {
		return this.tag;
	}

}
