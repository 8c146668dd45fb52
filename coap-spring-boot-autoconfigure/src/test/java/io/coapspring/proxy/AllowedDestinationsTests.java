package io.coapspring.proxy;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AllowedDestinations}.
 */
class AllowedDestinationsTests {

	private static InetAddress address(String literal) throws Exception {
		return InetAddress.getByName(literal);
	}

	@Test
	void emptyAllowsNothing() throws Exception {
		AllowedDestinations allowed = AllowedDestinations.of(List.of());
		assertThat(allowed.isEmpty()).isTrue();
		assertThat(allowed.hasAddresses()).isFalse();
		assertThat(allowed.allowsName("localhost")).isFalse();
		assertThat(allowed.allowsAddress(address("127.0.0.1"))).isFalse();
	}

	@Test
	void hostNamesMatchExactlyIgnoringCase() {
		AllowedDestinations allowed = AllowedDestinations.of(List.of("Sensor.Local"));
		assertThat(allowed.allowsName("sensor.local")).isTrue();
		assertThat(allowed.allowsName("SENSOR.LOCAL")).isTrue();
		assertThat(allowed.allowsName("other.sensor.local")).isFalse();
		assertThat(allowed.allowsName("sensor.local.evil.example")).isFalse();
		assertThat(allowed.hasAddresses()).isFalse();
	}

	@Test
	void wildcardsMatchSubdomainsOnly() {
		AllowedDestinations allowed = AllowedDestinations.of(List.of("*.devices.example"));
		assertThat(allowed.allowsName("a.devices.example")).isTrue();
		assertThat(allowed.allowsName("b.a.devices.example")).isTrue();
		assertThat(allowed.allowsName("devices.example")).isFalse();
		assertThat(allowed.allowsName("evildevices.example")).isFalse();
	}

	@Test
	void addressesMatchExactly() throws Exception {
		AllowedDestinations allowed = AllowedDestinations.of(List.of("127.0.0.1", "::1", "[fd00::7]"));
		assertThat(allowed.allowsAddress(address("127.0.0.1"))).isTrue();
		assertThat(allowed.allowsAddress(address("127.0.0.2"))).isFalse();
		assertThat(allowed.allowsAddress(address("::1"))).isTrue();
		assertThat(allowed.allowsAddress(address("fd00::7"))).isTrue();
		assertThat(allowed.allowsAddress(address("fd00::8"))).isFalse();
		assertThat(allowed.allowsName("127.0.0.1")).as("an address is not a name").isFalse();
	}

	@Test
	void cidrRangesMatchTheirPrefix() throws Exception {
		AllowedDestinations allowed = AllowedDestinations.of(List.of("10.0.0.0/8", "192.168.4.0/22", "fd00::/8"));
		assertThat(allowed.allowsAddress(address("10.255.1.2"))).isTrue();
		assertThat(allowed.allowsAddress(address("11.0.0.1"))).isFalse();
		assertThat(allowed.allowsAddress(address("192.168.7.255"))).isTrue();
		assertThat(allowed.allowsAddress(address("192.168.8.0"))).isFalse();
		assertThat(allowed.allowsAddress(address("fdab::1"))).isTrue();
		assertThat(allowed.allowsAddress(address("fe80::1"))).isFalse();
	}

	@Test
	void ipv4MappedAddressesMatchIpv4Entries() throws Exception {
		AllowedDestinations allowed = AllowedDestinations.of(List.of("10.0.0.0/8"));
		InetAddress mapped = InetAddress.getByAddress(
				new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 1, 2, 3 });
		assertThat(allowed.allowsAddress(mapped)).isTrue();
	}

	@Test
	void zeroPrefixAllowsEveryAddressOfTheFamily() throws Exception {
		AllowedDestinations allowed = AllowedDestinations.of(List.of("0.0.0.0/0"));
		assertThat(allowed.allowsAddress(address("203.0.113.9"))).isTrue();
		assertThat(allowed.allowsAddress(address("2001:db8::1"))).isFalse();
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
	}

}
