package io.coapspring.server.multicast;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.List;

import org.eclipse.californium.core.coap.CoAP;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MulticastMemberships} and {@link MulticastMembership}: choosing interfaces only, nothing is
 * joined.
 */
class MulticastMembershipsTests {

	private static final List<InetAddress> ALL_COAP_NODES = List.of(CoAP.MULTICAST_IPV4,
			CoAP.MULTICAST_IPV6_LINKLOCAL, CoAP.MULTICAST_IPV6_SITELOCAL);

	@Test
	void namedInterfaceJoinsTheGroupsOfTheFamiliesItHasAddressesOf() throws Exception {
		NetworkInterface lo = NetworkInterface.getByName("lo");
		boolean ipv6 = lo.inetAddresses().anyMatch((address) -> address instanceof Inet6Address);
		List<MulticastMembership> memberships = MulticastMemberships.resolve(ALL_COAP_NODES, "lo", false);
		assertThat(memberships).extracting(MulticastMembership::networkInterface).containsOnly(lo);
		assertThat(memberships).extracting(MulticastMembership::group)
			.containsExactlyElementsOf(ipv6 ? ALL_COAP_NODES : List.of(CoAP.MULTICAST_IPV4));
	}

	@Test
	void everySuitableInterfaceLeavesLoopbackOutUnlessAskedFor() {
		assertThat(interfacesOf(ALL_COAP_NODES, false)).doesNotContain("lo");
		assertThat(interfacesOf(ALL_COAP_NODES, true)).contains("lo");
	}

	private static List<String> interfacesOf(List<InetAddress> groups, boolean loopback) {
		try {
			return MulticastMemberships.resolve(groups, null, loopback)
				.stream()
				.map((membership) -> membership.networkInterface().getName())
				.toList();
		}
		catch (IllegalArgumentException ex) {
			// a host whose only interface is the loopback one
			assertThat(ex).hasMessageContaining("no network interface is up with multicast");
			return List.of();
		}
	}

	@Test
	void unknownInterfaceIsNamedWithTheExistingOnes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MulticastMemberships.resolve(ALL_COAP_NODES, "nosuch0", false))
			.withMessageContaining("there is no network interface named 'nosuch0'")
			.withMessageContaining("lo");
	}

	@Test
	void interfaceWithoutAddressOfTheGroupsFamilyJoinsNothing() throws Exception {
		NetworkInterface lo = NetworkInterface.getByName("lo");
		List<InetAddress> ipv6Only = List.of(CoAP.MULTICAST_IPV6_SITELOCAL);
		if (lo.inetAddresses().noneMatch((address) -> address instanceof Inet6Address)) {
			assertThatIllegalArgumentException().isThrownBy(() -> MulticastMemberships.resolve(ipv6Only, "lo", false))
				.withMessageContaining("no network interface named 'lo' has an address of the family of the groups");
		}
		else {
			assertThat(MulticastMemberships.resolve(ipv6Only, "lo", false)).hasSize(1);
		}
	}

	@Test
	void linkLocalGroupsBindScopedToTheirInterface() throws Exception {
		NetworkInterface lo = NetworkInterface.getByName("lo");
		InetAddress linkLocal = new MulticastMembership(CoAP.MULTICAST_IPV6_LINKLOCAL, lo).bindAddress();
		assertThat(linkLocal).isInstanceOf(Inet6Address.class);
		assertThat(((Inet6Address) linkLocal).getScopedInterface()).isEqualTo(lo);
		assertThat(linkLocal.getAddress()).isEqualTo(CoAP.MULTICAST_IPV6_LINKLOCAL.getAddress());
		assertThat(new MulticastMembership(CoAP.MULTICAST_IPV6_SITELOCAL, lo).bindAddress())
			.isEqualTo(CoAP.MULTICAST_IPV6_SITELOCAL);
		assertThat(new MulticastMembership(CoAP.MULTICAST_IPV4, lo).bindAddress()).isEqualTo(CoAP.MULTICAST_IPV4);
	}

	@Test
	void onlyMulticastAddressesAreGroups() throws Exception {
		NetworkInterface lo = NetworkInterface.getByName("lo");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MulticastMembership(InetAddress.getByName("10.0.0.1"), lo))
			.withMessageContaining("10.0.0.1 is not a multicast address");
	}

}
