package io.coapspring.server.multicast;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;

import org.springframework.util.Assert;

/**
 * A multicast group joined on one network interface.
 *
 * @param group the multicast group, for instance {@code 224.0.1.187} or {@code ff02::fd}
 * @param networkInterface the interface the group is joined on
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record MulticastMembership(InetAddress group, NetworkInterface networkInterface) {

	/**
	 * Validate the components.
	 */
	public MulticastMembership {
		Assert.notNull(group, "'group' must not be null");
		Assert.notNull(networkInterface, "'networkInterface' must not be null");
		Assert.isTrue(group.isMulticastAddress(), () -> group.getHostAddress() + " is not a multicast address");
	}

	/**
	 * Return the address a receiver of the group binds: the group itself, scoped to the interface for an IPv6
	 * group of link-local or interface-local scope (which the kernel only binds with a scope).
	 * @return the address to bind
	 */
	public InetAddress bindAddress() {
		if (this.group instanceof Inet6Address ipv6 && (ipv6.isMCLinkLocal() || ipv6.isMCNodeLocal())) {
			try {
				return Inet6Address.getByAddress(null, ipv6.getAddress(), this.networkInterface);
			}
			catch (UnknownHostException ex) {
				throw new IllegalStateException("Cannot scope " + ipv6.getHostAddress() + " to "
						+ this.networkInterface.getName(), ex);
			}
		}
		return this.group;
	}

	@Override
	public String toString() {
		return this.group.getHostAddress() + " on " + this.networkInterface.getName();
	}

}
