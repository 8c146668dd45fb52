package io.coapspring.server.multicast;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Chooses the network interfaces multicast groups are joined on: the named one, or every interface that is up,
 * supports multicast and has an address of the group's family (IPv4 for IPv4 groups, IPv6 for IPv6 groups).
 * The loopback interface, which usually does not advertise multicast, is included on request.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class MulticastMemberships {

	private MulticastMemberships() {
	}

	/**
	 * Resolve the memberships of groups.
	 * @param groups the multicast groups
	 * @param interfaceName the interface to join them on, or {@code null} for every suitable interface
	 * @param loopback whether the loopback interface is suitable when no interface is named
	 * @return one membership per group and interface, groups first
	 * @throws IllegalArgumentException if the named interface does not exist or is down, or no interface is
	 * suitable for any of the groups
	 */
	public static List<MulticastMembership> resolve(List<InetAddress> groups, @Nullable String interfaceName,
			boolean loopback) {
		Assert.notEmpty(groups, "'groups' must not be empty");
		List<NetworkInterface> candidates = (interfaceName != null) ? List.of(named(interfaceName))
				: suitable(loopback);
		List<MulticastMembership> memberships = new ArrayList<>();
		for (InetAddress group : groups) {
			for (NetworkInterface candidate : candidates) {
				if (hasAddressOfFamily(candidate, group)) {
					memberships.add(new MulticastMembership(group, candidate));
				}
			}
		}
		if (memberships.isEmpty()) {
			throw new IllegalArgumentException("no network interface "
					+ ((interfaceName != null) ? "named '" + interfaceName + "' has" : "is up with multicast and")
					+ " an address of the family of the groups " + describe(groups));
		}
		return memberships;
	}

	private static NetworkInterface named(String name) {
		try {
			NetworkInterface networkInterface = NetworkInterface.getByName(name);
			if (networkInterface == null) {
				throw new IllegalArgumentException("there is no network interface named '" + name
						+ "'; the interfaces are " + names());
			}
			if (!networkInterface.isUp()) {
				throw new IllegalArgumentException("network interface '" + name + "' is down");
			}
			return networkInterface;
		}
		catch (SocketException ex) {
			throw new IllegalArgumentException("cannot read network interface '" + name + "': " + ex.getMessage(), ex);
		}
	}

	private static List<NetworkInterface> suitable(boolean loopback) {
		List<NetworkInterface> suitable = new ArrayList<>();
		for (NetworkInterface candidate : all()) {
			try {
				if (candidate.isUp() && !candidate.isVirtual()
						&& (candidate.isLoopback() ? loopback : candidate.supportsMulticast())) {
					suitable.add(candidate);
				}
			}
			catch (SocketException ex) {
				// an interface that disappeared or cannot be read is not suitable
			}
		}
		return suitable;
	}

	private static List<NetworkInterface> all() {
		try {
			return Collections.list(NetworkInterface.getNetworkInterfaces());
		}
		catch (SocketException ex) {
			throw new IllegalArgumentException("cannot list the network interfaces: " + ex.getMessage(), ex);
		}
	}

	private static List<String> names() {
		return all().stream().map(NetworkInterface::getName).toList();
	}

	private static boolean hasAddressOfFamily(NetworkInterface networkInterface, InetAddress group) {
		for (InetAddress address : Collections.list(networkInterface.getInetAddresses())) {
			if ((group instanceof Inet4Address && address instanceof Inet4Address)
					|| (group instanceof Inet6Address && address instanceof Inet6Address)) {
				return true;
			}
		}
		return false;
	}

	private static List<String> describe(List<InetAddress> groups) {
		return groups.stream().map(InetAddress::getHostAddress).toList();
	}

}
