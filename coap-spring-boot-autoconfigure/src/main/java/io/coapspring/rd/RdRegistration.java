package io.coapspring.rd;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One registration of a Resource Directory (RFC 9176 section 5): an endpoint, its registration parameters and the
 * links it registered. Immutable: an update gives a new instance with the same {@link #location()}.
 *
 * @param location the registration resource, an absolute path such as {@code /rd/4}
 * @param endpoint the endpoint name ({@code ep})
 * @param sector the sector ({@code d}), or {@code null}
 * @param base the base URI the endpoint gave ({@code base}), or {@code null} when the links resolve against the
 * address the registration came from
 * @param sourceBase the URI of the address the registration (or its last update) came from, such as
 * {@code coap://192.0.2.7:5683}
 * @param lifetime the lifetime ({@code lt})
 * @param parameters every registration parameter other than {@code lt} and {@code base}: {@code ep}, {@code d},
 * {@code et} and any other the endpoint gave, each with its values
 * @param links the links, as registered
 * @param size the size of the registered links in link format, in bytes
 * @param registered when the registration was created
 * @param updated when it was last created or updated
 * @param owner the DTLS identity that registered it, or {@code null} for an unauthenticated registration
 * @param ownerAddress the IP address the registration came from
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record RdRegistration(String location, String endpoint, @Nullable String sector, @Nullable URI base,
		URI sourceBase, Duration lifetime, Map<String, List<String>> parameters, List<RdLink> links, int size,
		Instant registered, Instant updated, @Nullable String owner, String ownerAddress) {

	/**
	 * Create a registration.
	 */
	public RdRegistration {
		Assert.hasText(location, "'location' must not be empty");
		Assert.hasText(endpoint, "'endpoint' must not be empty");
		Assert.notNull(sourceBase, "'sourceBase' must not be null");
		Assert.notNull(lifetime, "'lifetime' must not be null");
		Assert.notNull(registered, "'registered' must not be null");
		Assert.notNull(updated, "'updated' must not be null");
		Assert.notNull(ownerAddress, "'ownerAddress' must not be null");
		Map<String, List<String>> copy = new LinkedHashMap<>();
		parameters.forEach((name, values) -> copy.put(name, List.copyOf(values)));
		parameters = Collections.unmodifiableMap(copy);
		links = List.copyOf(links);
	}

	/**
	 * Return the base URI the links resolve against: the explicit {@code base}, else the address the
	 * registration came from.
	 * @return the effective base
	 */
	public URI effectiveBase() {
		return (this.base != null) ? this.base : this.sourceBase;
	}

	/**
	 * Return when the registration expires unless it is updated.
	 * @return the expiry instant
	 */
	public Instant expires() {
		return this.updated.plus(this.lifetime);
	}

	/**
	 * Return whether the registration has expired.
	 * @param now the current instant
	 * @return whether it expired at or before {@code now}
	 */
	public boolean isExpired(Instant now) {
		return !expires().isAfter(now);
	}

	/**
	 * Return the endpoint types ({@code et}).
	 * @return the types, possibly empty
	 */
	public List<String> endpointTypes() {
		List<String> types = new ArrayList<>();
		for (String value : this.parameters.getOrDefault("et", List.of())) {
			types.addAll(List.of(value.trim().split("\\s+")));
		}
		return types;
	}

	/**
	 * Return the links resolved against the {@link #effectiveBase() base} as RFC 9176 section 7 specifies:
	 * targets and anchors become absolute URIs, a link without anchor gets the root of the base's origin (its
	 * context, RFC 6690 section 2.1).
	 * @return the resolved links, in registration order
	 */
	public List<RdLink> resolvedLinks() {
		URI base = RdUris.withPath(effectiveBase());
		List<RdLink> resolved = new ArrayList<>(this.links.size());
		for (RdLink link : this.links) {
			URI target = base.resolve(RdLinkFormat.uriReference(link.target()));
			String anchor = link.attribute("anchor");
			URI resolvedAnchor = (anchor != null) ? base.resolve(RdLinkFormat.uriReference(anchor))
					: RdUris.origin(base);
			resolved.add(link.with(target.toString(), "anchor", resolvedAnchor.toString()));
		}
		return resolved;
	}

}
