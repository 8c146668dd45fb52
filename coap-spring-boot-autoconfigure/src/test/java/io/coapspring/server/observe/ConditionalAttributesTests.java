package io.coapspring.server.observe;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading the conditional attributes of an observe registration's query.
 */
class ConditionalAttributesTests {

	@Test
	void queryWithoutAttributesHasNone() {
		assertThat(ConditionalAttributes.parse(List.of("unit=F", "verbose"))).isSameAs(ConditionalAttributes.NONE);
		assertThat(ConditionalAttributes.NONE.isEmpty()).isTrue();
		assertThat(ConditionalAttributes.NONE.hasValueConditions()).isFalse();
	}

	@Test
	void everyAttributeIsRead() {
		ConditionalAttributes attributes = ConditionalAttributes.parse(List.of("pmin=0.5", "pmax=60", "gt=25.5",
				"lt=-3", "st=.5", "band", "edge=1", "epmin=1", "epmax=10", "con=0", "unit=C"));
		assertThat(attributes.getMinimumPeriod()).isEqualTo(Duration.ofMillis(500));
		assertThat(attributes.getMaximumPeriod()).isEqualTo(Duration.ofSeconds(60));
		assertThat(attributes.getGreaterThan()).isEqualTo(25.5);
		assertThat(attributes.getLessThan()).isEqualTo(-3.0);
		assertThat(attributes.getStep()).isEqualTo(0.5);
		assertThat(attributes.isBand()).isTrue();
		assertThat(attributes.getEdge()).isTrue();
		assertThat(attributes.getMinimumEvaluationPeriod()).isEqualTo(Duration.ofSeconds(1));
		assertThat(attributes.getMaximumEvaluationPeriod()).isEqualTo(Duration.ofSeconds(10));
		assertThat(attributes.getConfirmable()).isFalse();
		assertThat(attributes.requiresNumber()).isTrue();
		assertThat(attributes.requiresBoolean()).isTrue();
		assertThat(attributes).hasToString(
				"pmin=0.5 s pmax=60 s gt=25.5 lt=-3.0 st=0.5 band edge=true epmin=1 s epmax=10 s con=false");
	}

	@Test
	void prefixedNamesOfTheLatestDraftsAreRead() {
		ConditionalAttributes attributes = ConditionalAttributes.parse(List.of("c.pmin=2", "c.gt=1", "c.band"));
		assertThat(attributes.getMinimumPeriod()).isEqualTo(Duration.ofSeconds(2));
		assertThat(attributes.getGreaterThan()).isEqualTo(1.0);
		assertThat(attributes.isBand()).isTrue();
	}

	@Test
	void invalidValuesAreRejectedNamingTheAttribute() {
		assertInvalid("gt=abc", "gt", "Conditional attribute 'gt' must be a decimal number, not 'abc'");
		assertInvalid("gt=1e3", "gt", "must be a decimal number");
		assertInvalid("lt=", "lt", "Conditional attribute 'lt' needs a value");
		assertInvalid("pmin=0", "pmin", "Conditional attribute 'pmin' must be greater than zero seconds, not 0");
		assertInvalid("pmax=-1", "pmax", "must be greater than zero seconds");
		assertInvalid("st=0", "st", "Conditional attribute 'st' must be greater than zero, not 0");
		assertInvalid("edge=2", "edge", "Conditional attribute 'edge' must be 0 or 1, not '2'");
		assertInvalid("con=yes", "con", "must be 0 or 1");
		assertInvalid("epmin=NaN", "epmin", "must be a decimal number");
		assertInvalid("pmax=9999999999", "pmax", "must not exceed 2147483647 seconds");
	}

	@Test
	void contradictionsAreRejected() {
		assertInvalid(List.of("pmin=10", "pmax=5"), "pmax",
				"Conditional attribute 'pmax' (5 s) must not be less than 'pmin' (10 s)");
		assertInvalid(List.of("epmin=2", "epmax=2"), "epmax", "'epmax' (2 s) must be greater than 'epmin' (2 s)");
		assertInvalid(List.of("band", "st=1"), "band", "Conditional attribute 'band' needs 'gt', 'lt' or both");
		assertInvalid(List.of("gt=1", "c.gt=2"), "c.gt", "Conditional attribute 'gt' is given more than once");
	}

	@Test
	void equalPeriodsAreAllowed() {
		ConditionalAttributes attributes = ConditionalAttributes.parse(List.of("pmin=5", "pmax=5"));
		assertThat(attributes.getMaximumPeriod()).isEqualTo(attributes.getMinimumPeriod());
		assertThat(attributes.hasValueConditions()).isFalse();
	}

	private static void assertInvalid(String item, String attribute, String message) {
		assertInvalid(List.of(item), attribute, message);
	}

	private static void assertInvalid(List<String> items, String attribute, String message) {
		assertThatExceptionOfType(InvalidConditionalAttributeException.class)
			.isThrownBy(() -> ConditionalAttributes.parse(items))
			.withMessageContaining(message)
			.satisfies((ex) -> assertThat(ex.getAttribute()).isEqualTo(attribute));
	}

}
