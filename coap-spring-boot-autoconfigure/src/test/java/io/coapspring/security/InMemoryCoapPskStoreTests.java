package io.coapspring.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link InMemoryCoapPskStore}.
 */
class InMemoryCoapPskStoreTests {

	@Test
	void returnsCopiesOfTheSecrets() {
		byte[] secret = { 1, 2, 3 };
		InMemoryCoapPskStore store = new InMemoryCoapPskStore(Map.of("a", secret));
		secret[0] = 9;
		byte[] first = store.getSecret("a");
		assertThat(first).containsExactly(1, 2, 3);
		first[1] = 9;
		assertThat(store.getSecret("a")).containsExactly(1, 2, 3);
		assertThat(store.getSecret("b")).isNull();
	}

	@Test
	void identitiesKeepTheirOrderAndCannotBeChanged() {
		Map<String, byte[]> secrets = new LinkedHashMap<>();
		secrets.put("z", new byte[] { 1 });
		secrets.put("a", new byte[] { 2 });
		InMemoryCoapPskStore store = new InMemoryCoapPskStore(secrets);
		assertThat(store.getIdentities()).containsExactly("z", "a");
		assertThatThrownBy(() -> store.getIdentities().remove("z")).isInstanceOf(UnsupportedOperationException.class);
		assertThat(store.isEmpty()).isFalse();
		assertThat(new InMemoryCoapPskStore(Map.of()).isEmpty()).isTrue();
	}

	@Test
	void emptySecretIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryCoapPskStore(Map.of("a", new byte[0])))
			.withMessageContaining("'a'");
	}

}
