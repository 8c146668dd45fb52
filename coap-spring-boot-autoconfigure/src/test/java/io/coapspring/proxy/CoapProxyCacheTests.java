package io.coapspring.proxy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.option.StandardOptionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapProxyCache}.
 */
class CoapProxyCacheTests {

	private final MutableClock clock = new MutableClock();

	private final CoapProxyCache cache = new CoapProxyCache(3, 10_000, this.clock);

	private static ProxyRequest get(String path, Option... options) {
		return new ProxyRequest(Code.GET, new ProxyTarget("coap", "h", 5683, List.of(path), List.of()), true,
				List.of(options), new byte[0]);
	}

	private static ProxyResponse content(String body, Long maxAge, byte... etag) {
		OptionSet options = new OptionSet().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
		if (maxAge != null) {
			options.setMaxAge(maxAge);
		}
		if (etag.length > 0) {
			options.addETag(etag);
		}
		return new ProxyResponse(ResponseCode.CONTENT, options, body.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void storesContentForItsMaxAge() {
		this.cache.put(get("a"), content("A", 10L));
		CoapProxyCache.Stored stored = this.cache.get(get("a"));
		assertThat(stored).isNotNull();
		assertThat(stored.isFresh()).isTrue();
		assertThat(stored.remainingMaxAge()).isEqualTo(10);
		this.clock.advance(Duration.ofSeconds(4));
		assertThat(this.cache.get(get("a")).remainingMaxAge()).isEqualTo(6);
		ProxyResponse response = this.cache.get(get("a")).toResponse(6);
		assertThat(response.payload()).asString(StandardCharsets.UTF_8).isEqualTo("A");
		assertThat(response.options().getContentFormat()).isEqualTo(MediaTypeRegistry.TEXT_PLAIN);
		this.clock.advance(Duration.ofSeconds(6));
		assertThat(this.cache.get(get("a")).isFresh()).isFalse();
	}

	@Test
	void withoutMaxAgeAResponseIsFreshForSixtySeconds() {
		this.cache.put(get("a"), content("A", null));
		assertThat(this.cache.get(get("a")).remainingMaxAge()).isEqualTo(60);
	}

	@Test
	void doesNotStoreWhatIsNotCacheable() {
		this.cache.put(get("zero"), content("Z", 0L));
		this.cache.put(get("created"), new ProxyResponse(ResponseCode.CREATED, new OptionSet(), new byte[0]));
		this.cache.put(get("error"), ProxyResponse.of(ResponseCode.NOT_FOUND, "no"));
		assertThat(this.cache.size()).isZero();
		assertThat(CoapProxyCache.isCacheable(get("a"))).isTrue();
		assertThat(CoapProxyCache.isCacheable(get("a", new Option(StandardOptionRegistry.IF_NONE_MATCH)))).isFalse();
		assertThat(CoapProxyCache.isCacheable(new ProxyRequest(Code.POST, get("a").target(), true, List.of(),
				new byte[0]))).isFalse();
	}

	@Test
	void anUncacheableResponseReplacesTheStoredOne() {
		this.cache.put(get("a"), content("A", 10L));
		this.cache.put(get("a"), content("A", 0L));
		assertThat(this.cache.get(get("a"))).isNull();
	}

	@Test
	void keysIncludeCacheKeyOptionsButNotETagsOrNoCacheKeyOptions() {
		this.cache.put(get("a"), content("plain", 10L));
		assertThat(this.cache.get(get("a", new Option(StandardOptionRegistry.ACCEPT, 50)))).isNull();
		assertThat(this.cache.get(get("a", new Option(StandardOptionRegistry.ETAG, new byte[] { 1 })))).isNotNull();
		assertThat(this.cache.get(get("a", new Option(StandardOptionRegistry.SIZE1, 10)))).isNotNull();
		assertThat(this.cache.get(get("b"))).isNull();
	}

	@Test
	void evictsTheLeastRecentlyUsedBeyondMaxEntries() {
		this.cache.put(get("a"), content("A", 60L));
		this.cache.put(get("b"), content("B", 60L));
		this.cache.put(get("c"), content("C", 60L));
		this.cache.get(get("a"));
		this.cache.put(get("d"), content("D", 60L));
		assertThat(this.cache.size()).isEqualTo(3);
		assertThat(this.cache.get(get("b"))).as("least recently used").isNull();
		assertThat(this.cache.get(get("a"))).isNotNull();
	}

	@Test
	void evictsBeyondMaxSize() {
		CoapProxyCache small = new CoapProxyCache(100, 1000, this.clock);
		List<String> paths = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			paths.add("p" + i);
			small.put(get("p" + i), content("x".repeat(300), 60L));
		}
		assertThat(small.sizeInBytes()).isLessThanOrEqualTo(1000);
		assertThat(small.size()).isBetween(1, 3);
		assertThat(small.get(get("p9"))).isNotNull();
		small.put(get("huge"), content("x".repeat(2000), 60L));
		assertThat(small.get(get("huge"))).as("larger than the whole cache").isNull();
	}

	@Test
	void refreshExtendsFreshness() {
		this.cache.put(get("a"), content("A", 10L, (byte) 7));
		this.clock.advance(Duration.ofSeconds(11));
		CoapProxyCache.Stored stale = this.cache.get(get("a"));
		assertThat(stale.isFresh()).isFalse();
		assertThat(stale.hasETag(new byte[] { 7 })).isTrue();
		this.cache.refresh(stale, 20);
		assertThat(this.cache.get(get("a")).remainingMaxAge()).isEqualTo(20);
	}

	@Test
	void invalidateRemovesEveryVariantOfATarget() {
		this.cache.put(get("a"), content("A", 60L));
		this.cache.put(get("a", new Option(StandardOptionRegistry.ACCEPT, 0)), content("A", 60L));
		this.cache.put(get("b"), content("B", 60L));
		this.cache.invalidate(get("a").target());
		assertThat(this.cache.size()).isEqualTo(1);
		assertThat(this.cache.get(get("b"))).isNotNull();
	}

}
