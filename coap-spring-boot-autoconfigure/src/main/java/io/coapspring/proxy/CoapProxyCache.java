package io.coapspring.proxy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.OptionNumberRegistry;
import org.eclipse.californium.core.coap.OptionSet;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The proxy's response cache (RFC 7252 section 5.6): 2.05 Content responses to GET requests, keyed by the
 * target and the request's Cache-Key options (every forwarded option except ETag, which the cache interprets,
 * and the NoCacheKey ones), fresh for their Max-Age (60 seconds when absent, not stored when 0).
 * <p>
 * Bounded by a number of entries and a total size, evicting the least recently used. Thread-safe. The
 * {@link Clock} decides freshness, so tests can move time.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapProxyCache {

	/** Bytes counted for an entry besides its payload and option values. */
	private static final int ENTRY_OVERHEAD = 64;

	private final int maxEntries;

	private final long maxSize;

	private final Clock clock;

	private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

	private long size;

	/**
	 * Create a cache.
	 * @param maxEntries the largest number of responses kept
	 * @param maxSize the largest total size in bytes of the responses kept
	 * @param clock the clock that decides freshness
	 */
	public CoapProxyCache(int maxEntries, long maxSize, Clock clock) {
		Assert.isTrue(maxEntries >= 0, "'maxEntries' must not be negative");
		Assert.isTrue(maxSize >= 0, "'maxSize' must not be negative");
		Assert.notNull(clock, "'clock' must not be null");
		this.maxEntries = maxEntries;
		this.maxSize = maxSize;
		this.clock = clock;
	}

	/**
	 * Return whether a request can be answered from the cache and its response stored: a GET without
	 * If-Match or If-None-Match.
	 * @param request the request
	 * @return {@code true} if cacheable
	 */
	public static boolean isCacheable(ProxyRequest request) {
		return request.method() == Code.GET && !request.has(OptionNumberRegistry.IF_MATCH)
				&& !request.has(OptionNumberRegistry.IF_NONE_MATCH);
	}

	/**
	 * Look up the stored response for a request, fresh or stale.
	 * @param request a cacheable request
	 * @return the stored response, or {@code null}
	 */
	public synchronized @Nullable Stored get(ProxyRequest request) {
		Entry entry = this.entries.get(Key.of(request));
		return (entry != null) ? new Stored(entry, this.clock.millis()) : null;
	}

	/**
	 * Store the response to a request if it is cacheable: 2.05 Content with a Max-Age above 0 that fits the
	 * size limit. A response that is not stored removes the one stored for the same key.
	 * @param request the cacheable request
	 * @param response the destination's response
	 */
	public synchronized void put(ProxyRequest request, ProxyResponse response) {
		Key key = Key.of(request);
		remove(key);
		long maxAge = response.maxAge();
		if (response.code() != ResponseCode.CONTENT || maxAge <= 0) {
			return;
		}
		OptionSet options = new OptionSet(response.options());
		options.removeMaxAge();
		Entry entry = new Entry(key, options, response.payload(), this.clock.millis() + maxAge * 1000);
		if (entry.size > this.maxSize || this.maxEntries == 0) {
			return;
		}
		this.entries.put(key, entry);
		this.size += entry.size;
		evict();
	}

	/**
	 * Refresh a stored response after the destination validated it with 2.03 Valid.
	 * @param stored the stored response that was validated
	 * @param maxAge the Max-Age of the 2.03 response, in seconds
	 */
	public synchronized void refresh(Stored stored, long maxAge) {
		Entry entry = this.entries.get(stored.entry.key);
		if (entry != stored.entry) {
			return;
		}
		if (maxAge <= 0) {
			remove(entry.key);
		}
		else {
			entry.expiresAt = this.clock.millis() + maxAge * 1000;
		}
	}

	/**
	 * Remove every stored response for a target, after an unsafe request changed, created or deleted it (RFC
	 * 7252 section 5.9.1).
	 * @param target the target
	 */
	public synchronized void invalidate(ProxyTarget target) {
		Iterator<Map.Entry<Key, Entry>> iterator = this.entries.entrySet().iterator();
		while (iterator.hasNext()) {
			Entry entry = iterator.next().getValue();
			if (entry.key.target().equals(target)) {
				iterator.remove();
				this.size -= entry.size;
			}
		}
	}

	/**
	 * Return the number of stored responses.
	 * @return the number of entries
	 */
	public synchronized int size() {
		return this.entries.size();
	}

	/**
	 * Return the total size of the stored responses.
	 * @return the size in bytes, as counted against the limit
	 */
	public synchronized long sizeInBytes() {
		return this.size;
	}

	/**
	 * Remove every stored response.
	 */
	public synchronized void clear() {
		this.entries.clear();
		this.size = 0;
	}

	private void remove(Key key) {
		Entry removed = this.entries.remove(key);
		if (removed != null) {
			this.size -= removed.size;
		}
	}

	private void evict() {
		Iterator<Entry> eldest = this.entries.values().iterator();
		while ((this.entries.size() > this.maxEntries || this.size > this.maxSize) && eldest.hasNext()) {
			Entry entry = eldest.next();
			eldest.remove();
			this.size -= entry.size;
		}
	}

	/**
	 * A stored response as seen at one instant.
	 */
	public static final class Stored {

		private final Entry entry;

		private final long now;

		private Stored(Entry entry, long now) {
			this.entry = entry;
			this.now = now;
		}

		/**
		 * Return whether the response is fresh.
		 * @return {@code true} while its Max-Age has not elapsed
		 */
		public boolean isFresh() {
			return this.now < this.entry.expiresAt;
		}

		/**
		 * Return the ETag of the stored response.
		 * @return the ETag, or {@code null}
		 */
		public byte @Nullable [] etag() {
			List<byte[]> etags = this.entry.options.getETags();
			return etags.isEmpty() ? null : etags.get(0);
		}

		/**
		 * Return whether the stored response has the given ETag.
		 * @param etag the ETag
		 * @return {@code true} if equal
		 */
		public boolean hasETag(byte[] etag) {
			byte[] own = etag();
			return own != null && Arrays.equals(own, etag);
		}

		/**
		 * Return the stored response with the given Max-Age.
		 * @param maxAge the Max-Age in seconds
		 * @return a 2.05 Content response
		 */
		public ProxyResponse toResponse(long maxAge) {
			OptionSet options = new OptionSet(this.entry.options);
			options.setMaxAge(maxAge);
			return new ProxyResponse(ResponseCode.CONTENT, options, this.entry.payload);
		}

		/**
		 * Return the seconds of freshness left, the Max-Age of a response served from the cache.
		 * @return the remaining seconds, 0 when stale
		 */
		public long remainingMaxAge() {
			return Math.max(0, (this.entry.expiresAt - this.now) / 1000);
		}

	}

	/**
	 * The cache key: the target and the Cache-Key options of the request.
	 */
	private record Key(ProxyTarget target, List<KeyOption> options) {

		static Key of(ProxyRequest request) {
			List<KeyOption> options = new ArrayList<>();
			for (Option option : request.options()) {
				int number = option.getNumber();
				if (number != OptionNumberRegistry.ETAG && !OptionNumberRegistry.isNoCacheKey(number)) {
					options.add(new KeyOption(number, option.getValue().clone()));
				}
			}
			return new Key(request.target(), options);
		}

	}

	/**
	 * One option of a key; equal by number and value.
	 */
	private record KeyOption(int number, byte[] value) {

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof KeyOption that && this.number == that.number
					&& Arrays.equals(this.value, that.value);
		}

		@Override
		public int hashCode() {
			return 31 * this.number + Arrays.hashCode(this.value);
		}

	}

	private static final class Entry {

		private final Key key;

		private final OptionSet options;

		private final byte[] payload;

		private final long size;

		private volatile long expiresAt;

		Entry(Key key, OptionSet options, byte[] payload, long expiresAt) {
			this.key = key;
			this.options = options;
			this.payload = payload;
			this.expiresAt = expiresAt;
			long optionBytes = 0;
			for (Option option : options.asSortedList()) {
				optionBytes += option.getLength() + 4;
			}
			this.size = ENTRY_OVERHEAD + payload.length + optionBytes;
		}

	}

}
