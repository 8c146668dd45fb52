package io.coapspring.convert;

import java.util.List;

import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CoapContentFormats}.
 */
class CoapContentFormatsTests {

	@Test
	void resolvesRegisteredMediaTypesAndNumbers() {
		CoapContentFormats formats = new CoapContentFormats();
		assertThat(formats.resolve("application/json")).isEqualTo(50);
		assertThat(formats.resolve("  APPLICATION/CBOR ")).isEqualTo(60);
		assertThat(formats.resolve("text/plain; charset=utf-8")).isZero();
		assertThat(formats.resolve("11542")).isEqualTo(11542);
		assertThat(formats.resolve("application/concise-problem-details+cbor")).isEqualTo(257);
	}

	@Test
	void unknownMediaTypeIsRejectedWithHint() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CoapContentFormats().resolve("application/x-nope"))
			.withMessageContaining("'application/x-nope'")
			.withMessageContaining("CoapContentFormat bean");
	}

	@Test
	void numberAboveSixteenBitsIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CoapContentFormats().resolve("70000"))
			.withMessageContaining("0..65535");
	}

	@Test
	void customFormatsResolveAndName() {
		CoapContentFormats formats = new CoapContentFormats(
				List.of(new CoapContentFormat(65000, "application/vnd.acme.reading+json", true)));
		assertThat(formats.resolve("application/vnd.acme.reading+json")).isEqualTo(65000);
		assertThat(formats.name(65000)).isEqualTo("application/vnd.acme.reading+json");
		assertThat(formats.isTextual(65000)).isTrue();
	}

	@Test
	void customFormatCannotTakeARegisteredNumber() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CoapContentFormats(List.of(new CoapContentFormat(50, "application/x-mine", true))))
			.withMessageContaining("Content-Format 50")
			.withMessageContaining("application/json");
	}

	@Test
	void customFormatCannotReuseAName() {
		assertThatIllegalArgumentException().isThrownBy(() -> new CoapContentFormats(
				List.of(new CoapContentFormat(65001, "a/b", false), new CoapContentFormat(65002, "A/B", false))))
			.withMessageContaining("'A/B'");
	}

	@Test
	void textualFormats() {
		CoapContentFormats formats = new CoapContentFormats();
		assertThat(formats.isTextual(MediaTypeRegistry.TEXT_PLAIN)).isTrue();
		assertThat(formats.isTextual(MediaTypeRegistry.APPLICATION_JSON)).isTrue();
		assertThat(formats.isTextual(MediaTypeRegistry.APPLICATION_LINK_FORMAT)).isTrue();
		assertThat(formats.isTextual(MediaTypeRegistry.UNDEFINED)).isTrue();
		assertThat(formats.isTextual(MediaTypeRegistry.APPLICATION_CBOR)).isFalse();
		assertThat(formats.name(12345)).isEqualTo("12345");
	}

}
