package io.coapspring.benchmarks.harness;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Summary}.
 */
class SummaryTests {

	@Test
	void medianOfOddCount() {
		Summary summary = Summary.of(List.of(3.0, 1.0, 2.0));
		assertThat(summary.median()).isEqualTo(2.0);
		assertThat(summary.min()).isEqualTo(1.0);
		assertThat(summary.max()).isEqualTo(3.0);
		assertThat(summary.format("%.0f")).isEqualTo("2 [1–3]");
	}

	@Test
	void medianOfEvenCountIsTheMeanOfTheMiddleValues() {
		assertThat(Summary.of(List.of(4.0, 1.0, 2.0, 3.0)).median()).isEqualTo(2.5);
	}

	@Test
	void singleValueHasNoRange() {
		assertThat(Summary.of(List.of(7.0)).format("%.1f")).isEqualTo("7.0");
	}

}
