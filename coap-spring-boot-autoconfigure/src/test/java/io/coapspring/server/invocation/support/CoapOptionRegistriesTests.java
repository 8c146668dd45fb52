package io.coapspring.server.invocation.support;

import java.util.List;

import org.eclipse.californium.core.coap.option.IntegerOptionDefinition;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.coap.option.StringOptionDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CoapOptionRegistries}.
 */
class CoapOptionRegistriesTests {

	@Test
	void standardAndCustomOptionsAreDefinedAndOthersAreNot() {
		OptionRegistry registry = CoapOptionRegistries
			.withCustomOptions(List.of(new StringOptionDefinition(65000, "X-Tenant")));
		assertThat(registry.getDefinitionByNumber(14).getName()).isEqualTo("Max-Age");
		assertThat(registry.getDefinitionByNumber(65000).getName()).isEqualTo("X-Tenant");
		assertThat(registry.getDefinitionByNumber(65001)).isNull();
		assertThat(registry.getDefinitionByNumber(65002)).isNull();
	}

	@Test
	void findsNamesWithoutRegardToCase() {
		OptionRegistry registry = CoapOptionRegistries.withCustomOptions(List.of());
		assertThat(CoapOptionRegistries.findByName(registry, "max-age").getNumber()).isEqualTo(14);
		assertThat(CoapOptionRegistries.findByName(registry, "ETAG").getNumber()).isEqualTo(4);
		assertThat(CoapOptionRegistries.findByName(registry, "nothing")).isNull();
	}

	@Test
	void clashesAreRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CoapOptionRegistries.withCustomOptions(List.of(new StringOptionDefinition(60, "X"))))
			.withMessage("Custom CoAP option 'X' uses number 60, which is the standard option 'Size1'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CoapOptionRegistries.withCustomOptions(List.of(new StringOptionDefinition(65000, "etag"))))
			.withMessage("Custom CoAP option 65000 uses the name 'etag' of the standard option 4");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CoapOptionRegistries.withCustomOptions(List.of(new StringOptionDefinition(65000, "A"),
					new IntegerOptionDefinition(65000, "B"))))
			.withMessageContaining("Conflicting custom CoAP option definitions");
	}

}
