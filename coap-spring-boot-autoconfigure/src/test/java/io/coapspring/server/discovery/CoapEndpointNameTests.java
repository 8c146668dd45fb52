package io.coapspring.server.discovery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CoapEndpointName}.
 */
class CoapEndpointNameTests {

	@Test
	void acceptsNamesThatLinkFormatCarriesUnescaped() {
		assertThat(new CoapEndpointName("node1").value()).isEqualTo("node1");
		assertThat(new CoapEndpointName("kitchen.sensor-7_a").toString()).isEqualTo("kitchen.sensor-7_a");
		assertThat(new CoapEndpointName("küche").value()).isEqualTo("küche");
		assertThat(new CoapEndpointName("x".repeat(63)).value()).hasSize(63);
	}

	@Test
	void rejectsNamesThatWouldBreakLinkFormatOrFilters() {
		for (String name : new String[] { "", "my node", "tab\tname", "quo\"te", "back\\slash", "a,b", "a;b", "<a>",
				"a=b", "a&b", "prefix*" }) {
			assertThatIllegalArgumentException().as(name).isThrownBy(() -> new CoapEndpointName(name));
		}
	}

	@Test
	void rejectsNamesLongerThan63Bytes() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CoapEndpointName("x".repeat(64)))
			.withMessageContaining("63 bytes");
		// 32 two-byte characters
		assertThatIllegalArgumentException().isThrownBy(() -> new CoapEndpointName("ü".repeat(32)));
	}

}
