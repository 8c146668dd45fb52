package io.coapspring.proxy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The destinations a proxy may forward to, so that it is not an open relay. Each entry has the form
 * {@code [scheme://]host[:ports]}: the host a name ({@code sensor.local}), a wildcard name ({@code *.example.org}
 * matches any subdomain), an IP address ({@code 10.0.0.7}, {@code [fd00::7]}) or a CIDR range
 * ({@code 10.0.0.0/8}, {@code [fd00::]/8}); the ports a port, a range ({@code 5683-5690}) or {@code *}. Without
 * ports an entry allows the default port of the destination's scheme only; without scheme, every scheme.
 * Immutable and thread-safe.
 * <p>
 * A destination is allowed when an entry allows its scheme and port and either names its host or holds every
 * address the host resolves to. Addresses that lead back to this host or stay on its link, that is the
 * unspecified address, loopback ({@code 127.0.0.0/8}, {@code ::1}), link-local ({@code 169.254.0.0/16},
 * {@code fe80::/10}) and the addresses of this host's own interfaces, are refused even then, unless an entry
 * lists them explicitly: an address or range inside loopback or link-local, or exactly that address. So a name
 * that the list allows cannot be made to resolve to the host's loopback-only services. An empty list allows
 * nothing.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class AllowedDestinations {

	private final List<AllowedDestination> entries;

	private AllowedDestinations(List<AllowedDestination> entries) {
		this.entries = List.copyOf(entries);
	}

	/**
	 * Parse a list of destinations.
	 * @param entries entries such as {@code coap://sensor.local:5683}, {@code http://10.0.0.0/8:80},
	 * {@code *.example.org}, {@code [fd00::7]:5683-5690} or {@code coap://127.0.0.1:*}
	 * @return the destinations
	 * @throws IllegalArgumentException if an entry is malformed, naming the entry
	 */
	public static AllowedDestinations of(Collection<String> entries) {
		Assert.notNull(entries, "'entries' must not be null");
		List<AllowedDestination> parsed = new ArrayList<>();
		for (String entry : entries) {
			parsed.add(AllowedDestination.parse(entry));
		}
		return new AllowedDestinations(parsed);
	}

	/**
	 * Return whether nothing is allowed.
	 * @return {@code true} for an empty list
	 */
	public boolean isEmpty() {
		return this.entries.isEmpty();
	}

	/**
	 * Return whether some entry allows the target's scheme and port, so that it is worth resolving its host.
	 * @param target the destination
	 * @return {@code false} if the destination is refused whatever its host resolves to
	 */
	public boolean allowsSchemeAndPort(ProxyTarget target) {
		Assert.notNull(target, "'target' must not be null");
		return this.entries.stream().anyMatch((entry) -> entry.allowsSchemeAndPort(target.scheme(), target.port()));
	}

	/**
	 * Check a destination and the addresses its host resolves to.
	 * @param target the destination
	 * @param addresses every address its host resolves to (the address itself for an address literal)
	 * @return why the destination is refused, or {@code null} when it is allowed
	 */
	public @Nullable String refusal(ProxyTarget target, List<InetAddress> addresses) {
		Assert.notNull(target, "'target' must not be null");
		Assert.notEmpty(addresses, "'addresses' must not be empty");
		String destination = "Destination '" + target.scheme() + "://" + target.uriHost() + ":" + target.port() + "'";
		List<AllowedDestination> candidates = this.entries.stream()
			.filter((entry) -> entry.allowsSchemeAndPort(target.scheme(), target.port()))
			.toList();
		boolean nameAllowed = !target.isAddressLiteral()
				&& candidates.stream().anyMatch((entry) -> entry.allowsName(target.host()));
		for (InetAddress address : addresses) {
			Set<HostOnlyAddresses.Kind> kinds = HostOnlyAddresses.kindsOf(address);
			boolean covered = nameAllowed || candidates.stream().anyMatch((entry) -> entry.allowsAddress(address));
			if (!covered) {
				return destination + (target.isAddressLiteral() ? "" : " (" + address.getHostAddress() + ")")
						+ " is not allowed";
			}
			if (!kinds.isEmpty() && candidates.stream().noneMatch((entry) -> listsExplicitly(entry, address, kinds))) {
				return destination + " is not allowed: " + address.getHostAddress() + " is "
						+ kinds.iterator().next().description() + ", refused unless listed explicitly";
			}
		}
		return null;
	}

	private static boolean listsExplicitly(AllowedDestination entry, InetAddress address,
			Set<HostOnlyAddresses.Kind> kinds) {
		AddressRange range = entry.range();
		if (range == null || !range.contains(address)) {
			return false;
		}
		return kinds.stream().allMatch((kind) -> kind.isListedBy(range, address));
	}

	/**
	 * Describe what the entries that list host-only addresses explicitly expose (loopback, link-local, the
	 * unspecified address or one of this host's own addresses), to warn about at start-up.
	 * @return one description per such entry, empty when there are none
	 */
	public List<String> describeHostOnlyExposures() {
		List<String> exposures = new ArrayList<>();
		for (AllowedDestination entry : this.entries) {
			AddressRange range = entry.range();
			if (range == null) {
				continue;
			}
			Set<HostOnlyAddresses.Kind> kinds;
			if (range.isSingleAddress()) {
				kinds = HostOnlyAddresses.kindsOf(range.networkAddress());
			}
			else {
				kinds = Set.of(HostOnlyAddresses.Kind.values())
					.stream()
					.filter((kind) -> kind.contains(range))
					.collect(Collectors.toSet());
			}
			if (!kinds.isEmpty()) {
				String what = kinds.stream()
					.sorted()
					.map(HostOnlyAddresses.Kind::description)
					.collect(Collectors.joining("; "));
				exposures.add("'" + entry + "' lets every client of the proxy reach " + range + " (" + what
						+ ") with " + entry.describeSchemesAndPorts());
			}
		}
		return exposures;
	}

	@Override
	public String toString() {
		return this.entries.toString();
	}

}
