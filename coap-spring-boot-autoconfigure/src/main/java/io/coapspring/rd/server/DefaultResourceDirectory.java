package io.coapspring.rd.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

import io.coapspring.rd.RdExpiredEvent;
import io.coapspring.rd.RdLink;
import io.coapspring.rd.RdLinkFormat;
import io.coapspring.rd.RdQuery;
import io.coapspring.rd.RdRegisteredEvent;
import io.coapspring.rd.RdRegistration;
import io.coapspring.rd.RdRegistrationEvent;
import io.coapspring.rd.RdRegistrationStore;
import io.coapspring.rd.RdRemovedEvent;
import io.coapspring.rd.RdUpdatedEvent;
import io.coapspring.rd.RdUris;
import io.coapspring.rd.ResourceDirectory;
import io.coapspring.server.discovery.CoapEndpointName;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.Assert;

/**
 * The Resource Directory: registers, updates and removes registrations as RFC 9176 sections 5 and 8 specify,
 * within {@link RdLimits}, expires them, answers lookups, and publishes an {@link RdRegistrationEvent} for each
 * change. A request it refuses throws an {@link RdException} before anything is stored.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class DefaultResourceDirectory implements ResourceDirectory {

	private static final Set<String> NOT_REGISTRATION_PARAMETERS = Set.of("page", "count", "rt", "if", "href",
			"anchor");

	private static final String ID_CHARS = "abcdefghijkmnpqrstuvwxyz23456789";

	private final RdRegistrationStore store;

	private final RdLimits limits;

	private final RdUnauthenticatedPolicy policy;

	private final String registrationPath;

	private final ApplicationEventPublisher publisher;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final Object lock = new Object();

	private final LongAdder refusedFull = new LongAdder();

	/**
	 * Create a directory.
	 * @param store where registrations are kept
	 * @param limits the bounds
	 * @param policy what unauthenticated peers may do
	 * @param registrationPath the path of the registration interface, such as {@code /rd}; registration resources
	 * are created below it
	 * @param publisher publishes the events
	 * @param clock the clock lifetimes are measured with
	 */
	public DefaultResourceDirectory(RdRegistrationStore store, RdLimits limits, RdUnauthenticatedPolicy policy,
			String registrationPath, ApplicationEventPublisher publisher, Clock clock) {
		Assert.notNull(store, "'store' must not be null");
		Assert.notNull(limits, "'limits' must not be null");
		Assert.notNull(policy, "'policy' must not be null");
		Assert.isTrue(registrationPath.startsWith("/"), "'registrationPath' must start with '/'");
		Assert.notNull(publisher, "'publisher' must not be null");
		Assert.notNull(clock, "'clock' must not be null");
		this.store = store;
		this.limits = limits;
		this.policy = policy;
		this.registrationPath = registrationPath.endsWith("/")
				? registrationPath.substring(0, registrationPath.length() - 1) : registrationPath;
		this.publisher = publisher;
		this.clock = clock;
	}

	/**
	 * Return the bounds.
	 * @return the limits
	 */
	public RdLimits getLimits() {
		return this.limits;
	}

	/**
	 * Return the policy for unauthenticated peers.
	 * @return the policy
	 */
	public RdUnauthenticatedPolicy getPolicy() {
		return this.policy;
	}

	/**
	 * Return the store.
	 * @return the store
	 */
	public RdRegistrationStore getStore() {
		return this.store;
	}

	/**
	 * Register an endpoint (RFC 9176 section 5.3): a new registration, or the replacement of the registration of
	 * the same endpoint name and sector, which keeps its location.
	 * @param queryItems the Uri-Query items: {@code ep}, {@code d}, {@code lt}, {@code base}, {@code et} and any
	 * other registration parameter
	 * @param payload the links in link format (may be empty)
	 * @param peer the sender
	 * @return the registration
	 * @throws RdException with 4.00 for bad parameters or links, 4.01/4.03 when the policy refuses, 4.13 for too
	 * many links or bytes, 5.03 when the directory is full
	 */
	public RdRegistration register(List<String> queryItems, byte[] payload, RdPeer peer) {
		checkAuthenticationPolicy(peer);
		Map<String, List<String>> parameters = parameters(queryItems);
		String endpoint = single(parameters, "ep");
		if (endpoint == null) {
			if (peer.identity() == null) {
				throw badRequest("Missing endpoint name: give 'ep'");
			}
			endpoint = peer.identity();
		}
		endpoint = name("ep", endpoint);
		parameters.put("ep", List.of(endpoint));
		String sector = single(parameters, "d");
		if (sector != null) {
			name("d", sector);
		}
		Duration lifetime = lifetime(parameters.remove("lt"), this.limits.defaultLifetime());
		URI base = base(parameters.remove("base"));
		List<RdLink> links = links(payload);
		Instant now = this.clock.instant();
		RdRegistration registration;
		RdRegistration replaced;
		synchronized (this.lock) {
			expireLocked(now);
			replaced = this.store.find(endpoint, sector);
			if (replaced != null) {
				authorize(replaced, peer);
			}
			checkCapacity(replaced, payload.length);
			String location = (replaced != null) ? replaced.location() : newLocation();
			registration = new RdRegistration(location, endpoint, sector, base, sourceBase(peer), lifetime,
					parameters, links, payload.length, now, now, peer.identity(), peer.host());
			this.store.put(registration);
		}
		publish(new RdRegisteredEvent(this, registration));
		return registration;
	}

	/**
	 * Update a registration (RFC 9176 section 5.3.1): refresh its lifetime, and change {@code lt}, {@code base},
	 * other parameters or, with a payload, its links. Without an explicit {@code base} the links now resolve
	 * against the address the update came from.
	 * @param location the registration resource
	 * @param queryItems the Uri-Query items
	 * @param payload new links in link format, or {@code null} to keep the links
	 * @param peer the sender
	 * @return the updated registration
	 * @throws RdException with 4.04 for an unknown (or expired) registration, 4.00 for a bad or unchangeable
	 * parameter, 4.01/4.03 when the policy refuses, 4.13 for too many links or bytes, 5.03 when the directory is full
	 */
	public RdRegistration update(String location, List<String> queryItems, byte @Nullable [] payload, RdPeer peer) {
		checkAuthenticationPolicy(peer);
		Map<String, List<String>> parameters = parameters(queryItems);
		if (parameters.containsKey("ep") || parameters.containsKey("d")) {
			throw badRequest("'ep' and 'd' cannot be changed by an update; register again instead");
		}
		Duration lifetime = parameters.containsKey("lt") ? lifetime(parameters.remove("lt"), null) : null;
		URI base = parameters.containsKey("base") ? base(parameters.remove("base")) : null;
		List<RdLink> links = (payload != null) ? links(payload) : null;
		Instant now = this.clock.instant();
		RdRegistration previous;
		RdRegistration updated;
		synchronized (this.lock) {
			expireLocked(now);
			previous = this.store.get(location);
			if (previous == null) {
				throw new RdException(ResponseCode.NOT_FOUND, "No registration at " + location);
			}
			authorize(previous, peer);
			if (payload != null) {
				checkCapacity(previous, payload.length);
			}
			Map<String, List<String>> merged = new LinkedHashMap<>(previous.parameters());
			merged.putAll(parameters);
			updated = new RdRegistration(location, previous.endpoint(), previous.sector(),
					(base != null) ? base : previous.base(), sourceBase(peer),
					(lifetime != null) ? lifetime : previous.lifetime(), merged,
					(links != null) ? links : previous.links(), (payload != null) ? payload.length : previous.size(),
					previous.registered(), now, (previous.owner() != null) ? previous.owner() : peer.identity(),
					previous.ownerAddress());
			this.store.put(updated);
		}
		publish(new RdUpdatedEvent(this, updated, previous));
		return updated;
	}

	/**
	 * Remove a registration at the request of a peer (RFC 9176 section 5.3.2).
	 * @param location the registration resource
	 * @param peer the sender
	 * @return the removed registration
	 * @throws RdException with 4.04 for an unknown registration, 4.01/4.03 when the policy refuses
	 */
	public RdRegistration remove(String location, RdPeer peer) {
		checkAuthenticationPolicy(peer);
		RdRegistration removed;
		synchronized (this.lock) {
			expireLocked(this.clock.instant());
			RdRegistration existing = this.store.get(location);
			if (existing == null) {
				throw new RdException(ResponseCode.NOT_FOUND, "No registration at " + location);
			}
			authorize(existing, peer);
			removed = this.store.remove(location);
		}
		if (removed != null) {
			publish(new RdRemovedEvent(this, removed));
		}
		return Objects.requireNonNull(removed);
	}

	/**
	 * Remove a registration on behalf of the application.
	 * @param location the registration resource
	 * @return whether there was one
	 */
	public boolean remove(String location) {
		RdRegistration removed;
		synchronized (this.lock) {
			removed = this.store.remove(location);
		}
		if (removed != null) {
			publish(new RdRemovedEvent(this, removed));
		}
		return removed != null;
	}

	/**
	 * Remove every registration whose lifetime ended, publishing an {@link RdExpiredEvent} for each.
	 * @return the number of registrations removed
	 */
	public int expire() {
		List<RdRegistration> expired;
		synchronized (this.lock) {
			expired = expireLocked(this.clock.instant());
		}
		return expired.size();
	}

	private List<RdRegistration> expireLocked(Instant now) {
		List<RdRegistration> expired = new ArrayList<>();
		for (RdRegistration registration : this.store.getAll()) {
			if (registration.isExpired(now) && this.store.remove(registration.location()) != null) {
				expired.add(registration);
			}
		}
		// published while holding the lock only to keep their order; listeners must not call back into it
		for (RdRegistration registration : expired) {
			publish(new RdExpiredEvent(this, registration));
		}
		return expired;
	}

	@Override
	public List<RdRegistration> getRegistrations() {
		Instant now = this.clock.instant();
		return this.store.getAll().stream().filter((registration) -> !registration.isExpired(now)).toList();
	}

	@Override
	public Optional<RdRegistration> getRegistration(String location) {
		RdRegistration registration = this.store.get(location);
		return Optional.ofNullable(registration).filter((live) -> !live.isExpired(this.clock.instant()));
	}

	@Override
	public Optional<RdRegistration> findEndpoint(String endpoint, @Nullable String sector) {
		RdRegistration registration = this.store.find(endpoint, sector);
		return Optional.ofNullable(registration).filter((live) -> !live.isExpired(this.clock.instant()));
	}

	@Override
	public List<RdRegistration> lookupEndpoints(RdQuery query) {
		Assert.notNull(query, "'query' must not be null");
		return query.page(getRegistrations().stream().filter(query::matches).toList());
	}

	@Override
	public List<RdLink> lookupResources(RdQuery query) {
		Assert.notNull(query, "'query' must not be null");
		List<RdLink> results = new ArrayList<>();
		for (RdRegistration registration : getRegistrations()) {
			for (RdLink link : registration.resolvedLinks()) {
				if (query.matches(registration, link)) {
					results.add(link);
				}
			}
		}
		List<RdLink> page = query.page(results);
		List<RdLink> answer = new ArrayList<>(page.size());
		for (RdLink link : page) {
			// the anchor every link without one gets is left out, as aiocoap-rd does
			String anchor = link.attribute("anchor");
			URI origin = RdUris.origin(URI.create(link.target()));
			answer.add(origin.toString().equals(anchor) ? link.with(link.target(), "anchor", null) : link);
		}
		return answer;
	}

	/**
	 * Check that the policy lets a peer use the registration interface at all.
	 * @param peer the sender
	 * @throws RdException with 4.01 when unauthenticated peers are denied and the peer is one
	 */
	public void checkAuthenticationPolicy(RdPeer peer) {
		if (peer.identity() == null && this.policy == RdUnauthenticatedPolicy.DENY) {
			throw new RdException(ResponseCode.UNAUTHORIZED,
					"Authentication required: register over DTLS (coaps)");
		}
	}

	private void authorize(RdRegistration existing, RdPeer peer) {
		if (existing.owner() != null) {
			if (!existing.owner().equals(peer.identity())) {
				throw new RdException(ResponseCode.FORBIDDEN,
						"Endpoint '" + existing.endpoint() + "' is registered by another identity");
			}
			return;
		}
		if (this.policy == RdUnauthenticatedPolicy.FIRST_COME_FIRST_REMEMBERED
				&& !existing.ownerAddress().equals(peer.host())) {
			throw new RdException(ResponseCode.FORBIDDEN,
					"Endpoint '" + existing.endpoint() + "' is registered from another address");
		}
	}

	private void checkCapacity(@Nullable RdRegistration replaced, int size) {
		long total = this.store.totalSize() - ((replaced != null) ? replaced.size() : 0) + size;
		if (replaced == null && this.store.size() >= this.limits.maxRegistrations()) {
			throw full("holds " + this.limits.maxRegistrations() + " registrations");
		}
		if (total > this.limits.maxTotalSize()) {
			throw full("holds " + this.limits.maxTotalSize() + " bytes of links");
		}
	}

	/**
	 * Return how many registrations were refused because the directory was full (5.03).
	 * @return the count since start
	 */
	public long getRefusedFullCount() {
		return this.refusedFull.sum();
	}

	private RdException full(String what) {
		this.refusedFull.increment();
		return new RdException(ResponseCode.SERVICE_UNAVAILABLE, "Resource directory full: it " + what,
				this.limits.retryAfter());
	}

	private String newLocation() {
		while (true) {
			StringBuilder id = new StringBuilder(8);
			for (int i = 0; i < 8; i++) {
				id.append(ID_CHARS.charAt(this.random.nextInt(ID_CHARS.length())));
			}
			String location = this.registrationPath + "/" + id;
			if (this.store.get(location) == null) {
				return location;
			}
		}
	}

	private static URI sourceBase(RdPeer peer) {
		return RdUris.of(peer.secure() ? "coaps" : "coap", peer.address());
	}

	private Map<String, List<String>> parameters(List<String> queryItems) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		for (String item : queryItems) {
			int equals = item.indexOf('=');
			String name = (equals >= 0) ? item.substring(0, equals) : item;
			if (name.isEmpty()) {
				throw badRequest("Empty parameter name in '" + item + "'");
			}
			if (NOT_REGISTRATION_PARAMETERS.contains(name)) {
				throw badRequest("'" + name + "' is not a registration parameter");
			}
			List<String> values = parameters.computeIfAbsent(name, (key) -> new ArrayList<>());
			if (equals >= 0) {
				values.add(item.substring(equals + 1));
			}
		}
		for (String name : List.of("ep", "d", "lt", "base")) {
			List<String> values = parameters.get(name);
			if (values != null && values.size() != 1) {
				throw badRequest("'" + name + "' must have exactly one value");
			}
		}
		return parameters;
	}

	private static @Nullable String single(Map<String, List<String>> parameters, String name) {
		List<String> values = parameters.get(name);
		return (values != null) ? values.get(0) : null;
	}

	private static String name(String parameter, String value) {
		try {
			return new CoapEndpointName(value).value();
		}
		catch (IllegalArgumentException ex) {
			throw badRequest("Invalid '" + parameter + "' value '" + value + "': " + ex.getMessage());
		}
	}

	private Duration lifetime(@Nullable List<String> values, @Nullable Duration defaultLifetime) {
		if (values == null) {
			return Objects.requireNonNull(defaultLifetime);
		}
		String value = values.get(0);
		long seconds;
		try {
			seconds = Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw badRequest("Invalid 'lt' value '" + value + "': not a number of seconds");
		}
		if (seconds < this.limits.minLifetime().getSeconds() || seconds > this.limits.maxLifetime().getSeconds()) {
			throw badRequest("Invalid 'lt' value '" + value + "': this directory accepts "
					+ this.limits.minLifetime().getSeconds() + " to " + this.limits.maxLifetime().getSeconds()
					+ " seconds");
		}
		return Duration.ofSeconds(seconds);
	}

	private static @Nullable URI base(@Nullable List<String> values) {
		if (values == null) {
			return null;
		}
		String value = values.get(0);
		try {
			URI base = new URI(value);
			if (base.getScheme() == null || base.getRawAuthority() == null || base.getHost() == null) {
				throw badRequest("Invalid 'base' value '" + value + "': must be an absolute URI with a host");
			}
			if (base.getRawQuery() != null || base.getRawFragment() != null) {
				throw badRequest("Invalid 'base' value '" + value + "': must have no query or fragment");
			}
			return base;
		}
		catch (URISyntaxException ex) {
			throw badRequest("Invalid 'base' value '" + value + "': " + ex.getMessage());
		}
	}

	private List<RdLink> links(byte[] payload) {
		if (payload.length > this.limits.maxRegistrationSize()) {
			throw new RdException(ResponseCode.REQUEST_ENTITY_TOO_LARGE, "Links of " + payload.length
					+ " bytes exceed the limit of " + this.limits.maxRegistrationSize() + " bytes");
		}
		String document;
		try {
			document = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(payload))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw badRequest("Links are not valid UTF-8");
		}
		List<RdLink> links;
		try {
			links = RdLinkFormat.parse(document, Integer.MAX_VALUE);
		}
		catch (IllegalArgumentException ex) {
			throw badRequest(ex.getMessage());
		}
		if (links.size() > this.limits.maxLinksPerRegistration()) {
			throw new RdException(ResponseCode.REQUEST_ENTITY_TOO_LARGE, links.size()
					+ " links exceed the limit of " + this.limits.maxLinksPerRegistration() + " per registration");
		}
		return links;
	}

	private static RdException badRequest(@Nullable String message) {
		return new RdException(ResponseCode.BAD_REQUEST, String.valueOf(message));
	}

	private void publish(RdRegistrationEvent event) {
		this.publisher.publishEvent(event);
	}

}
