package io.coapspring.proxy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link AllowedDestinations}.
 */
class AllowedDestinationsTests {

	private static InetAddress address(String literal) throws Exception {
		return InetAddress.getByName(literal);
	}

	private static ProxyTarget target(String scheme, String host, int port) {
		return new ProxyTarget(scheme, host, port, List.of("x"), List.of());
	}

	/** The refusal of a destination whose host resolves to the given addresses. */
	private static @Nullable String refusal(AllowedDestinations allowed, String uri, String... addresses)
			throws Exception {
		ProxyTarget target = ProxyTarget.fromUri(uri);
		List<InetAddress> resolved = (addresses.length > 0)
				? Arrays.stream(addresses).map(AllowedDestinationsTests::unchecked).toList()
				: List.of(address(target.host()));
		return allowed.refusal(target, resolved);
	}

	private static InetAddress unchecked(String literal) {
		try {
			return InetAddress.getByName(literal);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean allows(AllowedDestinations allowed, String uri, String... addresses) throws Exception {
		return refusal(allowed, uri, addresses) == null;
	}

	@Test
	void emptyAllowsNothing() throws Exception {
		AllowedDestinations allowed = AllowedDestinations.of(List.of());
		assertThat(allowed.isEmpty()).isTrue();
		assertThat(allowed.allowsSchemeAndPort(target("coap", "10.0.0.1", 5683))).isFalse();
		assertThat(allows(allowed, "coap://10.0.0.1/x")).isFalse();
	}

	@Test
	void hostNamesMatchExactlyIgnoringCase() throws Exception {
		AllowedDestinations allowed = AllowedDestinations.of(List.of("Sensor.Local"));
		assertThat(allows(allowed, "coap://sensor.local/x", "10.0.0.7")).isTrue();
		assertThat(allows(allowed, "coap://SENSOR.LOCAL/x", "10.0.0.7")).isTrue();
		assertThat(allows(allowed, "coap://other.sensor.local/x", "10.0.0.7")).isFalse();
		assertThat(allows(allowed, "coap://sensor.local.evil.example/x", "10.0.0.7")).isFalse();
	}

	@Test
	void wildcardsMatchSubdomainsOnly() throws Exception {
		AllowedDestinations allowed = AllowedDestinations.of(List.of("*.devices.example"));
		assertThat(allows(allowed, "coap://a.devices.example/x", "10.0.0.7")).isTrue();
		assertThat(allows(allowed, "coap://b.a.devices.example/x", "10.0.0.7")).isTrue();
		assertThat(allows(allowed, "coap://devices.example/x", "10.0.0.7")).isFalse();
		assertThat(allows(allowed, "coap://evildevices.example/x", "10.0.0.7")).isFalse();
	}

	@Test
	void addressesMatchExactly() throws Exception {
		AllowedDestinations allowed = AllowedDestinations.of(List.of("10.0.0.7", "fd00::7", "[fd00::8]"));
		assertThat(allows(allowed, "coap://10.0.0.7/x")).isTrue();
		assertThat(allows(allowed, "coap://10.0.0.8/x")).isFalse();
		assertThat(allows(allowed, "coap://[fd00::7]/x")).isTrue();
		assertThat(allows(allowed, "coap://[fd00::8]/x")).isTrue();
		assertThat(allows(allowed, "coap://[fd00::9]/x")).isFalse();
		assertThat(allows(allowed, "coap://named.example/x", "10.0.0.7")).as("a name resolving to a listed address")
			.isTrue();
	}

	@Test
	void cidrRangesMatchTheirPrefix() throws Exception {
		AllowedDestinations allowed = AllowedDestinations.of(List.of("10.0.0.0/8", "192.168.4.0/22", "fd00::/8"));
		assertThat(allows(allowed, "coap://10.255.1.2/x")).isTrue();
		assertThat(allows(allowed, "coap://11.0.0.1/x")).isFalse();
		assertThat(allows(allowed, "coap://192.168.7.255/x")).isTrue();
		assertThat(allows(allowed, "coap://192.168.8.0/x")).isFalse();
		assertThat(allows(allowed, "coap://[fdab::1]/x")).isTrue();
		assertThat(allows(allowed, "coap://[2001:db8::1]/x")).isFalse();
	}

	@Test
	void ipv4MappedAddressesMatchIpv4Entries() throws Exception {
		AddressRange range = AddressRange.parse("10.0.0.0", "8", "10.0.0.0/8");
		InetAddress mapped = Inet6Address.getByAddress(null,
				new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 1, 2, 3 }, -1);
		assertThat(range.contains(mapped)).isTrue();
	}

	@Test
	void withoutPortsOnlyTheSchemesDefaultPortIsAllowed() throws Exception {
		AllowedDestinations allowed = AllowedDestinations.of(List.of("10.0.0.7", "sensor.local"));
		assertThat(allows(allowed, "coap://10.0.0.7/x")).isTrue();
		assertThat(allows(allowed, "coap://10.0.0.7:5683/x")).isTrue();
		assertThat(allows(allowed, "http://10.0.0.7/x")).isTrue();
		assertThat(allows(allowed, "https://10.0.0.7/x")).isTrue();
		assertThat(allows(allowed, "coap://10.0.0.7:5684/x")).isFalse();
		assertThat(allows(allowed, "http://10.0.0.7:8080/x")).isFalse();
		assertThat(allows(allowed, "http://sensor.local:8080/x", "10.0.0.9")).isFalse();
		assertThat(refusal(allowed, "http://10.0.0.7:8080/x"))
			.isEqualTo("Destination 'http://10.0.0.7:8080' is not allowed");
	}

	@Test
	void schemesAndPortsNarrowAnEntry() throws Exception {
		AllowedDestinations allowed = AllowedDestinations.of(List.of("coap://sensor.local:5683",
				"http://10.0.0.0/8:80", "[fd00::7]:8000-8099", "coap://[fd00:1::]/32:*", "fd01::/16:5683",
				"coaps://*.devices.example"));
		assertThat(allows(allowed, "coap://sensor.local/x", "10.0.0.7")).isTrue();
		assertThat(allows(allowed, "http://sensor.local:5683/x", "10.0.0.7")).as("another scheme").isFalse();
		assertThat(allows(allowed, "http://10.1.2.3/x")).isTrue();
		assertThat(allows(allowed, "http://10.1.2.3:81/x")).isFalse();
		assertThat(allows(allowed, "coap://10.1.2.3:80/x")).isFalse();
		assertThat(allows(allowed, "http://[fd00::7]:8000/x")).isTrue();
		assertThat(allows(allowed, "coap://[fd00::7]:8099/x")).isTrue();
		assertThat(allows(allowed, "coap://[fd00::7]:8100/x")).isFalse();
		assertThat(allows(allowed, "coap://[fd00:1::1234]:61616/x")).isTrue();
		assertThat(allows(allowed, "http://[fd00:1::1234]:61616/x")).isFalse();
		assertThat(allows(allowed, "coap://[fd01::1]/x")).isTrue();
		assertThat(allows(allowed, "coaps://a.devices.example/x", "10.0.0.7")).isTrue();
		assertThat(allows(allowed, "coap://a.devices.example/x", "10.0.0.7")).isFalse();
		assertThat(allowed.allowsSchemeAndPort(target("http", "anything", 81))).isFalse();
		assertThat(allowed.allowsSchemeAndPort(target("http", "anything", 80))).isTrue();
	}

	@Test
	void theDocumentedExamplesParse() throws Exception {
		AllowedDestinations allowed = AllowedDestinations.of(List.of("coap://[fd00::]/8:*", "10.0.0.0/8",
				"coap://*.devices.example:5683", "coap://sensor.local:5683", "http://10.0.0.0/8:80",
				"[fd00::7]:5683-5690", "coaps://*.devices.example", "127.0.0.0/8:9000", "[::1]:5683"));
		assertThat(allows(allowed, "coap://[fd12::1]:40000/x")).isTrue();
		assertThat(allows(allowed, "coap://a.devices.example/x", "10.0.0.7")).isTrue();
		assertThat(allows(allowed, "http://127.0.0.1:9000/x")).isTrue();
		assertThat(allows(allowed, "coap://[::1]/x")).isTrue();
		assertThat(allows(allowed, "coap://127.0.0.1/x")).isFalse();
	}

	@Test
	void everyResolvedAddressMustBeAllowed() throws Exception {
		AllowedDestinations allowed = AllowedDestinations.of(List.of("10.0.0.0/8"));
		assertThat(allows(allowed, "coap://sensor.example/x", "10.0.0.7", "10.0.0.8")).isTrue();
		assertThat(refusal(allowed, "coap://sensor.example/x", "10.0.0.7", "203.0.113.9"))
			.isEqualTo("Destination 'coap://sensor.example:5683' (203.0.113.9) is not allowed");
	}

	@Test
	void loopbackIsRefusedUnlessListedExplicitly() throws Exception {
		AllowedDestinations wide = AllowedDestinations.of(List.of("0.0.0.0/0:*", "::/0:*", "localhost:*"));
		assertThat(refusal(wide, "http://127.0.0.1:8080/actuator/health")).contains("127.0.0.1")
			.contains("loopback")
			.contains("listed explicitly");
		assertThat(allows(wide, "coap://127.0.0.2/x")).isFalse();
		assertThat(allows(wide, "coap://[::1]/x")).isFalse();
		assertThat(allows(wide, "coap://[::ffff:127.0.0.1]/x")).isFalse();
		assertThat(refusal(wide, "http://localhost:8080/x", "127.0.0.1")).as("an allowed name resolving to loopback")
			.contains("loopback");
		assertThat(allows(wide, "coap://0.0.0.0/x")).isFalse();
		assertThat(allows(wide, "coap://[::]/x")).isFalse();
		AllowedDestinations explicit = AllowedDestinations.of(List.of("coap://127.0.0.1:*", "coap://[::1]:5683",
				"http://127.0.0.0/8:9000"));
		assertThat(allows(explicit, "coap://127.0.0.1:61616/x")).isTrue();
		assertThat(allows(explicit, "coap://[::1]/x")).isTrue();
		assertThat(allows(explicit, "http://127.0.0.9:9000/x")).isTrue();
		assertThat(allows(explicit, "http://127.0.0.1:8080/x")).isFalse();
		assertThat(allows(explicit, "coap://localhost:61616/x", "127.0.0.1")).isTrue();
		assertThat(allows(explicit, "coap://localhost:61616/x", "127.0.0.1", "::1")).as("::1 on another port")
			.isFalse();
	}

	@Test
	void linkLocalIsRefusedUnlessListedExplicitly() throws Exception {
		AllowedDestinations wide = AllowedDestinations.of(List.of("0.0.0.0/0:*", "::/0:*", "*.example:*"));
		assertThat(refusal(wide, "http://169.254.169.254/latest/meta-data")).contains("link-local");
		assertThat(allows(wide, "coap://[fe80::1]/x")).isFalse();
		assertThat(allows(wide, "http://metadata.example/x", "169.254.169.254")).isFalse();
		AllowedDestinations explicit = AllowedDestinations.of(List.of("169.254.0.0/16", "[fe80::1]"));
		assertThat(allows(explicit, "coap://169.254.1.2/x")).isTrue();
		assertThat(allows(explicit, "coap://[fe80::1]/x")).isTrue();
	}

	@Test
	void thisHostsOwnAddressesAreRefusedUnlessListedExactly() throws Exception {
		InetAddress own = ownAddress();
		assumeTrue(own != null, "this host has no address besides loopback and link-local");
		String literal = own.getHostAddress();
		String uriHost = (literal.indexOf(':') >= 0) ? "[" + literal + "]" : literal;
		AllowedDestinations wide = AllowedDestinations.of(List.of("0.0.0.0/0:*", "::/0:*"));
		assertThat(refusal(wide, "http://" + uriHost + ":8080/x")).contains("this host itself");
		AllowedDestinations exact = AllowedDestinations.of(List.of(uriHost + ":8080"));
		assertThat(allows(exact, "http://" + uriHost + ":8080/x")).isTrue();
		assertThat(exact.describeHostOnlyExposures()).singleElement()
			.asString()
			.contains(literal)
			.contains("this host itself")
			.contains("every scheme on port 8080");
	}

	private static @Nullable InetAddress ownAddress() throws Exception {
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			for (InetAddress address : Collections.list(network.getInetAddresses())) {
				if (!address.isLoopbackAddress() && !address.isLinkLocalAddress() && !address.isAnyLocalAddress()) {
					return address;
				}
			}
		}
		return null;
	}

	@Test
	void exposuresDescribeExplicitHostOnlyEntries() {
		AllowedDestinations allowed = AllowedDestinations.of(List.of("coap://127.0.0.1:*", "::1", "10.0.0.0/8",
				"0.0.0.0/0", "169.254.169.254:80", "sensor.local"));
		assertThat(allowed.describeHostOnlyExposures()).hasSize(3)
			.anySatisfy((text) -> assertThat(text).contains("'coap://127.0.0.1:*'")
				.contains("loopback")
				.contains("coap on every port"))
			.anySatisfy((text) -> assertThat(text).contains("'::1'")
				.contains("loopback")
				.contains("every scheme on the scheme's default port"))
			.anySatisfy((text) -> assertThat(text).contains("'169.254.169.254:80'").contains("link-local"));
		assertThat(AllowedDestinations.of(List.of("10.0.0.0/8", "sensor.local")).describeHostOnlyExposures())
			.isEmpty();
	}

	@Test
	void invalidEntriesAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedDestinations.of(List.of("10.0.0.0/33")))
			.withMessageContaining("10.0.0.0/33");
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedDestinations.of(List.of("fd00::/129")));
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedDestinations.of(List.of("10.0.0.0/x")));
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedDestinations.of(List.of("host name")));
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedDestinations.of(List.of("a..b")));
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedDestinations.of(List.of(" ")));
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedDestinations.of(List.of("*.")));
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedDestinations.of(List.of("fd00:::zz")));
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedDestinations.of(List.of("coap://host:0")))
			.withMessageContaining("outside 1..65535");
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedDestinations.of(List.of("host:70000")));
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedDestinations.of(List.of("host:90-80")))
			.withMessageContaining("empty");
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedDestinations.of(List.of("host:http")))
			.withMessageContaining("not a port");
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedDestinations.of(List.of("1coap://host")))
			.withMessageContaining("not a URI scheme");
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedDestinations.of(List.of("coap://host/path")));
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedDestinations.of(List.of("[fd00::7")));
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedDestinations.of(List.of("[fd00::7]x")));
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedDestinations.of(List.of("127.1")))
			.withMessageContaining("four decimal numbers");
		assertThatIllegalArgumentException().isThrownBy(() -> AllowedDestinations.of(List.of("2130706433:*")));
	}

}
