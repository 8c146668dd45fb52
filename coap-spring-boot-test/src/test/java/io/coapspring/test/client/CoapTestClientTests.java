package io.coapspring.test.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CoapTestClient}'s path expansion.
 */
class CoapTestClientTests {

	@Test
	void variablesAreExpandedInOrderAndEncoded() {
		assertThat(CoapTestClient.expand("/a/{x}/b/{y}?q={z}", "1", "two words", "ü&"))
			.isEqualTo("/a/1/b/two%20words?q=%C3%BC%26");
	}

	@Test
	void pathWithoutVariablesIsKept() {
		assertThat(CoapTestClient.expand("/a/b?c=d")).isEqualTo("/a/b?c=d");
	}

	@Test
	void missingValuesAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> CoapTestClient.expand("/a/{x}/{y}", "1"))
			.withMessageContaining("Not enough values");
	}

}
