package io.coapspring.proxy;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Recognises the addresses that lead back to this host or stay on its link: the unspecified address, loopback,
 * link-local, and the addresses of this host's own network interfaces. A proxy must not reach them unless they
 * are listed explicitly, or any client of the proxy reads the services that listen only on the host (management
 * endpoints, databases, cloud metadata services).
 *
 * @author CoAP Spring Boot team
 */
final class HostOnlyAddresses {

	private HostOnlyAddresses() {
	}

	/**
	 * A kind of host-only address and the ranges that list it explicitly.
	 */
	enum Kind {

		/** {@code 0.0.0.0} and {@code ::}: a connection to them reaches this host. */
		UNSPECIFIED("the unspecified address, which reaches every service listening on this host", List.of()),

		/** {@code 127.0.0.0/8} and {@code ::1}. */
		LOOPBACK("a loopback address, which reaches services listening only on this host",
				List.of(range("127.0.0.0", "8"), range("::1", null))),

		/** {@code 169.254.0.0/16} and {@code fe80::/10}. */
		LINK_LOCAL("a link-local address, which reaches this host's link (and cloud metadata services such as "
				+ "169.254.169.254)", List.of(range("169.254.0.0", "16"), range("fe80::", "10"))),

		/** An address of one of this host's network interfaces. */
		OWN("an address of this host itself, which reaches every service listening on all its interfaces", List.of());

		private final String description;

		private final List<AddressRange> ranges;

		Kind(String description, List<AddressRange> ranges) {
			this.description = description;
			this.ranges = ranges;
		}

		/**
		 * Return what a destination of this kind reaches.
		 * @return the description
		 */
		String description() {
			return this.description;
		}

		/**
		 * Return whether an allow-list range lists addresses of this kind explicitly: it lies within the
		 * kind's ranges, or, for the unspecified and own addresses, it is that single address.
		 * @param range the allow-list range
		 * @param address the destination address, in the range
		 * @return {@code true} if the range names the address explicitly
		 */
		boolean isListedBy(AddressRange range, InetAddress address) {
			if (this.ranges.isEmpty()) {
				return range.isSingleAddress() && range.contains(address);
			}
			return this.ranges.stream().anyMatch(range::isWithin);
		}

		/**
		 * Return whether an allow-list range lies within this kind's ranges.
		 * @param range the allow-list range
		 * @return {@code true} if every address of the range is of this kind
		 */
		boolean contains(AddressRange range) {
			return this.ranges.stream().anyMatch(range::isWithin);
		}

	}

	/**
	 * Return the host-only kinds of an address.
	 * @param address the address
	 * @return its kinds, empty for an address of another host
	 */
	static Set<Kind> kindsOf(InetAddress address) {
		Set<Kind> kinds = EnumSet.noneOf(Kind.class);
		if (address.isAnyLocalAddress()) {
			kinds.add(Kind.UNSPECIFIED);
			return kinds;
		}
		if (address.isLoopbackAddress()) {
			kinds.add(Kind.LOOPBACK);
			return kinds;
		}
		if (address.isLinkLocalAddress()) {
			kinds.add(Kind.LINK_LOCAL);
		}
		if (isOwn(address)) {
			kinds.add(Kind.OWN);
		}
		return kinds;
	}

	private static boolean isOwn(InetAddress address) {
		try {
			return NetworkInterface.getByInetAddress(address) != null;
		}
		catch (SocketException | RuntimeException ex) {
			// when the interfaces cannot be listed, treat the address as this host's own: refuse rather than leak
			return true;
		}
	}

	private static AddressRange range(String address, @Nullable String prefix) {
		return AddressRange.parse(address, prefix, address);
	}

}
