package io.coapspring.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.coapspring.rd.RdRegistration;
import io.coapspring.rd.RdRegistrationStore;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * The registrations of a Resource Directory in Redis, shared by the nodes of a cluster, under
 * {@code <key-prefix>rd:}: the registrations as JSON by location, an index by endpoint name and sector, their
 * order of first registration, and the totals of links and bytes. Each change of these keys runs as one Lua script,
 * so the index and the totals stay consistent when nodes write at the same time, and a registration removed by
 * two nodes (expiry) is removed, and reported, by one. The directory's lock is per node: two nodes registering
 * the same endpoint name at the same instant may both create a registration; the index keeps the later one and
 * the other expires.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class RedisRdRegistrationStore implements RdRegistrationStore {

	private static final RedisScript<Long> PUT = new DefaultRedisScript<>("""
			local old = redis.call('HGET', KEYS[2], ARGV[1])
			if old then
			  local oldKey, size, links = string.match(old, '^(.*)\\n(%d+)\\n(%d+)$')
			  redis.call('HINCRBY', KEYS[5], 'size', -tonumber(size))
			  redis.call('HINCRBY', KEYS[5], 'links', -tonumber(links))
			  if oldKey ~= ARGV[3] and redis.call('HGET', KEYS[3], oldKey) == ARGV[1] then
			    redis.call('HDEL', KEYS[3], oldKey)
			  end
			else
			  redis.call('ZADD', KEYS[4], redis.call('INCR', KEYS[6]), ARGV[1])
			end
			redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
			redis.call('HSET', KEYS[2], ARGV[1], ARGV[3] .. '\\n' .. ARGV[4] .. '\\n' .. ARGV[5])
			redis.call('HSET', KEYS[3], ARGV[3], ARGV[1])
			redis.call('HINCRBY', KEYS[5], 'size', ARGV[4])
			redis.call('HINCRBY', KEYS[5], 'links', ARGV[5])
			return 1
			""", Long.class);

	private static final RedisScript<String> REMOVE = new DefaultRedisScript<>("""
			local old = redis.call('HGET', KEYS[2], ARGV[1])
			if not old then
			  return false
			end
			local json = redis.call('HGET', KEYS[1], ARGV[1])
			local key, size, links = string.match(old, '^(.*)\\n(%d+)\\n(%d+)$')
			redis.call('HINCRBY', KEYS[5], 'size', -tonumber(size))
			redis.call('HINCRBY', KEYS[5], 'links', -tonumber(links))
			if redis.call('HGET', KEYS[3], key) == ARGV[1] then
			  redis.call('HDEL', KEYS[3], key)
			end
			redis.call('ZREM', KEYS[4], ARGV[1])
			redis.call('HDEL', KEYS[1], ARGV[1])
			redis.call('HDEL', KEYS[2], ARGV[1])
			return json
			""", String.class);

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	private final List<String> keys;

	private final String registrations;

	private final String index;

	private final String order;

	private final String totals;

	/**
	 * Create a store.
	 * @param redis the template for Redis
	 * @param json the mapper registrations are written with
	 * @param node this node, whose key prefix the keys get
	 */
	public RedisRdRegistrationStore(StringRedisTemplate redis, JsonMapper json, CoapClusterNode node) {
		Assert.notNull(redis, "'redis' must not be null");
		Assert.notNull(json, "'json' must not be null");
		Assert.notNull(node, "'node' must not be null");
		this.redis = redis;
		this.json = json;
		this.registrations = node.key("rd:registrations");
		this.index = node.key("rd:endpoints");
		this.order = node.key("rd:order");
		this.totals = node.key("rd:totals");
		this.keys = List.of(this.registrations, node.key("rd:sizes"), this.index, this.order, this.totals,
				node.key("rd:sequence"));
	}

	private static String endpointKey(String endpoint, @Nullable String sector) {
		String d = (sector != null) ? sector : "";
		return d.length() + ":" + d + endpoint;
	}

	private @Nullable RdRegistration read(@Nullable String value) {
		return (value != null) ? this.json.readValue(value, RdRegistration.class) : null;
	}

	@Override
	public @Nullable RdRegistration get(String location) {
		return read((String) this.redis.opsForHash().get(this.registrations, location));
	}

	@Override
	public @Nullable RdRegistration find(String endpoint, @Nullable String sector) {
		Object location = this.redis.opsForHash().get(this.index, endpointKey(endpoint, sector));
		return (location != null) ? get((String) location) : null;
	}

	@Override
	public List<RdRegistration> getAll() {
		List<String> locations = new ArrayList<>(
				Objects.requireNonNullElse(this.redis.opsForZSet().range(this.order, 0, -1), List.of()));
		if (locations.isEmpty()) {
			return List.of();
		}
		List<Object> values = this.redis.opsForHash().multiGet(this.registrations, new ArrayList<>(locations));
		List<RdRegistration> all = new ArrayList<>(values.size());
		for (Object value : values) {
			RdRegistration registration = read((String) value);
			if (registration != null) {
				all.add(registration);
			}
		}
		return all;
	}

	@Override
	public void put(RdRegistration registration) {
		this.redis.execute(PUT, this.keys, registration.location(), this.json.writeValueAsString(registration),
				endpointKey(registration.endpoint(), registration.sector()), String.valueOf(registration.size()),
				String.valueOf(registration.links().size()));
	}

	@Override
	public @Nullable RdRegistration remove(String location) {
		return read(this.redis.execute(REMOVE, this.keys, location));
	}

	@Override
	public int size() {
		Long size = this.redis.opsForHash().size(this.registrations);
		return (size != null) ? size.intValue() : 0;
	}

	@Override
	public long totalSize() {
		return total("size");
	}

	@Override
	public long totalLinks() {
		return total("links");
	}

	private long total(String name) {
		Object value = this.redis.opsForHash().get(this.totals, name);
		return (value != null) ? Long.parseLong(value.toString()) : 0;
	}

}
