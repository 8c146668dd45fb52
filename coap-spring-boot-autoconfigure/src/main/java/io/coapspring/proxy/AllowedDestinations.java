package io.coapspring.proxy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.eclipse.californium.elements.util.StringUtil;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The destinations a proxy may forward to, so that it is not an open relay: host names (a leading
 * {@code *.} matches any subdomain), IP addresses and CIDR ranges. Immutable and thread-safe.
 * <p>
 * A destination is allowed when its host name is listed, or when the address it resolves to is listed or
 * falls in a listed range. An empty list allows nothing.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class AllowedDestinations {

	private final List<String> hostNames;

	private final List<String> domainSuffixes;

	private final List<AddressRange> ranges;

	private AllowedDestinations(List<String> hostNames, List<String> domainSuffixes, List<AddressRange> ranges) {
		this.hostNames = List.copyOf(hostNames);
		this.domainSuffixes = List.copyOf(domainSuffixes);
		this.ranges = List.copyOf(ranges);
	}

	/**
	 * Parse a list of destinations.
	 * @param entries host names ({@code sensor.local}, {@code *.example.org}), addresses ({@code 10.0.0.7},
	 * {@code fd00::7}) and CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8})
	 * @return the destinations
	 * @throws IllegalArgumentException if an entry is none of these
	 */
	public static AllowedDestinations of(Collection<String> entries) {
		Assert.notNull(entries, "'entries' must not be null");
		List<String> hostNames = new ArrayList<>();
		List<String> domainSuffixes = new ArrayList<>();
		List<AddressRange> ranges = new ArrayList<>();
		for (String raw : entries) {
			String entry = (raw != null) ? raw.trim().toLowerCase(Locale.ROOT) : "";
			if (entry.isEmpty()) {
				throw new IllegalArgumentException("an entry is empty");
			}
			if (entry.indexOf('/') >= 0 || isAddressLiteral(entry)) {
				ranges.add(AddressRange.parse(entry));
			}
			else if (entry.startsWith("*.")) {
				String domain = entry.substring(1);
				checkHostName(domain.substring(1), raw);
				domainSuffixes.add(domain);
			}
			else {
				checkHostName(entry, raw);
				hostNames.add(entry);
			}
		}
		return new AllowedDestinations(hostNames, domainSuffixes, ranges);
	}

	/**
	 * Return whether nothing is allowed.
	 * @return {@code true} for an empty list
	 */
	public boolean isEmpty() {
		return this.hostNames.isEmpty() && this.domainSuffixes.isEmpty() && this.ranges.isEmpty();
	}

	/**
	 * Return whether the host, as written in the request, is allowed by name, so that no address needs to be
	 * looked up.
	 * @param host the host name or address literal, without brackets
	 * @return {@code true} if a host name entry matches
	 */
	public boolean allowsName(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (this.hostNames.contains(name)) {
			return true;
		}
		for (String suffix : this.domainSuffixes) {
			if (name.endsWith(suffix) && name.length() > suffix.length()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return whether an address is listed or falls in a listed range.
	 * @param address the address the destination resolves to
	 * @return {@code true} if an address or range entry matches
	 */
	public boolean allowsAddress(InetAddress address) {
		for (AddressRange range : this.ranges) {
			if (range.contains(address)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Return whether some entry is an address or a range, so that looking up a host name can make it allowed.
	 * @return {@code true} if there are address or range entries
	 */
	public boolean hasAddresses() {
		return !this.ranges.isEmpty();
	}

	@Override
	public String toString() {
		List<String> all = new ArrayList<>(this.hostNames);
		this.domainSuffixes.forEach((suffix) -> all.add("*" + suffix));
		this.ranges.forEach((range) -> all.add(range.toString()));
		return all.toString();
	}

	private static boolean isAddressLiteral(String entry) {
		return entry.indexOf(':') >= 0 || StringUtil.isLiteralIpAddress(entry);
	}

	private static void checkHostName(String name, String raw) {
		if (name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
			throw new IllegalArgumentException("'" + raw + "' is not a host name, address or CIDR range");
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!(Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_')) {
				throw new IllegalArgumentException("'" + raw + "' is not a host name, address or CIDR range");
			}
		}
	}

	/**
	 * An address and the number of its leading bits that a matching address shares.
	 */
	private record AddressRange(byte[] network, int prefixLength, String text) {

		static AddressRange parse(String entry) {
			int slash = entry.indexOf('/');
			String address = (slash >= 0) ? entry.substring(0, slash) : entry;
			if (address.startsWith("[") && address.endsWith("]")) {
				address = address.substring(1, address.length() - 1);
			}
			if (!StringUtil.isLiteralIpAddress(address) && address.indexOf(':') < 0) {
				throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
			}
			byte[] bytes;
			try {
				// a literal: no name service look-up
				bytes = InetAddress.getByName(address).getAddress();
			}
			catch (UnknownHostException | SecurityException ex) {
				throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
			}
			int bits = bytes.length * 8;
			int prefixLength = bits;
			if (slash >= 0) {
				String prefix = entry.substring(slash + 1);
				try {
					prefixLength = Integer.parseInt(prefix);
				}
				catch (NumberFormatException ex) {
					prefixLength = -1;
				}
				if (prefixLength < 0 || prefixLength > bits) {
					throw new IllegalArgumentException("'" + entry + "' has a prefix length outside 0.." + bits);
				}
			}
			return new AddressRange(mask(bytes, prefixLength), prefixLength, entry);
		}

		boolean contains(InetAddress address) {
			byte @Nullable [] candidate = address.getAddress();
			if (candidate.length != this.network.length) {
				candidate = mappedIpv4(candidate, this.network.length);
				if (candidate == null) {
					return false;
				}
			}
			byte[] masked = mask(candidate, this.prefixLength);
			return Arrays.equals(masked, this.network);
		}

		/**
		 * An IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.7}) is compared with IPv4 entries and the other way
		 * round.
		 */
		private static byte @Nullable [] mappedIpv4(byte[] address, int length) {
			if (address.length == 16 && length == 4) {
				for (int i = 0; i < 10; i++) {
					if (address[i] != 0) {
						return null;
					}
				}
				if (address[10] != (byte) 0xff || address[11] != (byte) 0xff) {
					return null;
				}
				return Arrays.copyOfRange(address, 12, 16);
			}
			if (address.length == 4 && length == 16) {
				byte[] mapped = new byte[16];
				mapped[10] = (byte) 0xff;
				mapped[11] = (byte) 0xff;
				System.arraycopy(address, 0, mapped, 12, 4);
				return mapped;
			}
			return null;
		}

		private static byte[] mask(byte[] address, int prefixLength) {
			byte[] masked = address.clone();
			for (int i = 0; i < masked.length; i++) {
				int remaining = prefixLength - i * 8;
				if (remaining <= 0) {
					masked[i] = 0;
				}
				else if (remaining < 8) {
					masked[i] = (byte) (masked[i] & (0xff << (8 - remaining)));
				}
			}
			return masked;
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

}
