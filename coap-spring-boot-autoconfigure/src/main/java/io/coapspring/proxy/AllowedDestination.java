package io.coapspring.proxy;

import java.net.InetAddress;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the {@link AllowedDestinations}: an optional scheme, a host (a name, a {@code *.} wildcard name,
 * an address or a CIDR range) and the ports it allows.
 * <p>
 * The forms are {@code [scheme://]host[:ports]}, where host is {@code sensor.local}, {@code *.example.org},
 * {@code 10.0.0.7}, {@code 10.0.0.0/8}, {@code [fd00::7]} or {@code [fd00::]/8} (an IPv6 address or range
 * without brackets cannot carry ports: {@code fd00::7}, {@code fd00::/8:5683}), and ports is a port, a range
 * such as {@code 5683-5690}, or {@code *} for every port. Without ports an entry allows the default port of the
 * destination's scheme only (5683 for {@code coap}, 80 for {@code http}, ...); without scheme it allows every
 * scheme the proxy forwards to.
 *
 * @author CoAP Spring Boot team
 */
final class AllowedDestination {

	private static final String FORMS = "expected [scheme://]host[:port|:low-high|:*] with a host name, a '*.' "
			+ "wildcard name, an IP address or a CIDR range, such as 'coap://sensor.local:5683' or "
			+ "'http://10.0.0.0/8:80'";

	private final String text;

	private final @Nullable String scheme;

	private final @Nullable String hostName;

	private final @Nullable String domainSuffix;

	private final @Nullable AddressRange range;

	/** The lowest allowed port, or 0 for the scheme's default port. */
	private final int lowPort;

	private final int highPort;

	private AllowedDestination(String text, @Nullable String scheme, @Nullable String hostName,
			@Nullable String domainSuffix, @Nullable AddressRange range, int lowPort, int highPort) {
		this.text = text;
		this.scheme = scheme;
		this.hostName = hostName;
		this.domainSuffix = domainSuffix;
		this.range = range;
		this.lowPort = lowPort;
		this.highPort = highPort;
	}

	/**
	 * Parse an entry.
	 * @param raw the entry as configured
	 * @return the entry
	 * @throws IllegalArgumentException if the entry is malformed
	 */
	static AllowedDestination parse(@Nullable String raw) {
		String entry = (raw != null) ? raw.trim().toLowerCase(Locale.ROOT) : "";
		if (entry.isEmpty()) {
			throw new IllegalArgumentException("an entry is empty");
		}
		String rest = entry;
		String scheme = null;
		int separator = entry.indexOf("://");
		if (separator >= 0) {
			scheme = entry.substring(0, separator);
			rest = entry.substring(separator + 3);
			if (!isScheme(scheme)) {
				throw invalid(raw, "'" + scheme + "' is not a URI scheme");
			}
		}
		String host;
		String prefix = null;
		String ports = null;
		if (rest.startsWith("[")) {
			int close = rest.indexOf(']');
			if (close < 0) {
				throw invalid(raw, "the IPv6 address has no closing bracket");
			}
			host = rest.substring(1, close);
			String after = rest.substring(close + 1);
			if (after.startsWith("/")) {
				int colon = after.indexOf(':');
				prefix = (colon < 0) ? after.substring(1) : after.substring(1, colon);
				after = (colon < 0) ? "" : after.substring(colon);
			}
			if (after.startsWith(":")) {
				ports = after.substring(1);
			}
			else if (!after.isEmpty()) {
				throw invalid(raw, FORMS);
			}
		}
		else if (rest.indexOf('/') >= 0) {
			int slash = rest.indexOf('/');
			host = rest.substring(0, slash);
			String after = rest.substring(slash + 1);
			int colon = after.indexOf(':');
			prefix = (colon < 0) ? after : after.substring(0, colon);
			ports = (colon < 0) ? null : after.substring(colon + 1);
		}
		else {
			int colon = rest.indexOf(':');
			if (colon >= 0 && rest.indexOf(':', colon + 1) < 0) {
				host = rest.substring(0, colon);
				ports = rest.substring(colon + 1);
			}
			else {
				// no colon, or an IPv6 address without brackets
				host = rest;
			}
		}
		int lowPort = 0;
		int highPort = 0;
		if (ports != null) {
			int[] range = parsePorts(ports, raw);
			lowPort = range[0];
			highPort = range[1];
		}
		if (prefix != null || host.indexOf(':') >= 0 || ProxyTarget.isIpv4Literal(host)) {
			AddressRange range = AddressRange.parse(host, prefix, String.valueOf(raw));
			return new AllowedDestination(entry, scheme, null, null, range, lowPort, highPort);
		}
		if (host.startsWith("*.")) {
			checkHostName(host.substring(2), raw);
			return new AllowedDestination(entry, scheme, null, host.substring(1), null, lowPort, highPort);
		}
		checkHostName(host, raw);
		return new AllowedDestination(entry, scheme, host, null, null, lowPort, highPort);
	}

	private static boolean isScheme(String scheme) {
		if (scheme.isEmpty() || !(scheme.charAt(0) >= 'a' && scheme.charAt(0) <= 'z')) {
			return false;
		}
		for (int i = 1; i < scheme.length(); i++) {
			char c = scheme.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) {
				return false;
			}
		}
		return true;
	}

	private static int[] parsePorts(String ports, @Nullable String raw) {
		if (ports.equals("*")) {
			return new int[] { 1, 0xFFFF };
		}
		int dash = ports.indexOf('-');
		int low = port((dash < 0) ? ports : ports.substring(0, dash), raw);
		int high = (dash < 0) ? low : port(ports.substring(dash + 1), raw);
		if (high < low) {
			throw invalid(raw, "the port range " + ports + " is empty");
		}
		return new int[] { low, high };
	}

	private static int port(String text, @Nullable String raw) {
		int port;
		try {
			port = Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw invalid(raw, "'" + text + "' is not a port: " + FORMS);
		}
		if (port < 1 || port > 0xFFFF) {
			throw invalid(raw, "the port " + port + " is outside 1..65535");
		}
		return port;
	}

	private static void checkHostName(String name, @Nullable String raw) {
		if (name.isEmpty() || name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
			throw invalid(raw, "it is not a host name, address or CIDR range (" + FORMS + ")");
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!(Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_')) {
				throw invalid(raw, "it is not a host name, address or CIDR range (" + FORMS + ")");
			}
		}
		if (ProxyTarget.isNumericHost(name)) {
			throw invalid(raw, "it looks like a shortened or numeric IPv4 address; write the address as four "
					+ "decimal numbers, such as 127.0.0.1");
		}
	}

	private static IllegalArgumentException invalid(@Nullable String raw, String reason) {
		return new IllegalArgumentException("'" + raw + "' is invalid: " + reason);
	}

	/**
	 * Return whether the entry allows a scheme and port.
	 * @param targetScheme the destination's scheme, in lower case
	 * @param port the destination's port
	 * @return {@code true} if they match
	 */
	boolean allowsSchemeAndPort(String targetScheme, int port) {
		if (this.scheme != null && !this.scheme.equals(targetScheme)) {
			return false;
		}
		if (this.lowPort == 0) {
			return port == ProxyTarget.defaultPort(targetScheme);
		}
		return port >= this.lowPort && port <= this.highPort;
	}

	/**
	 * Return whether the entry names a host.
	 * @param host the host name, in lower case
	 * @return {@code true} for a matching name or wildcard entry
	 */
	boolean allowsName(String host) {
		if (this.hostName != null) {
			return this.hostName.equals(host);
		}
		return this.domainSuffix != null && host.endsWith(this.domainSuffix)
				&& host.length() > this.domainSuffix.length();
	}

	/**
	 * Return whether the entry is an address or range that holds an address.
	 * @param address the address
	 * @return {@code true} if it does
	 */
	boolean allowsAddress(InetAddress address) {
		return this.range != null && this.range.contains(address);
	}

	/**
	 * Return the address or range of the entry.
	 * @return the range, or {@code null} for a name entry
	 */
	@Nullable AddressRange range() {
		return this.range;
	}

	/**
	 * Describe the schemes and ports the entry allows, for log messages.
	 * @return for instance {@code coap port 5683} or {@code every scheme, ports 8000-8099}
	 */
	String describeSchemesAndPorts() {
		String schemes = (this.scheme != null) ? this.scheme : "every scheme";
		if (this.lowPort == 0) {
			return schemes + ((this.scheme != null) ? " on its default port" : " on the scheme's default port");
		}
		if (this.lowPort == 1 && this.highPort == 0xFFFF) {
			return schemes + " on every port";
		}
		if (this.lowPort == this.highPort) {
			return schemes + " on port " + this.lowPort;
		}
		return schemes + " on ports " + this.lowPort + "-" + this.highPort;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
