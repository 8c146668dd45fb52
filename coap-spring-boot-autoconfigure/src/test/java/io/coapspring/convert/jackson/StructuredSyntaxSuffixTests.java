package io.coapspring.convert.jackson;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.coapspring.convert.CoapContentFormat;
import io.coapspring.convert.CoapContentFormats;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;

import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the structured syntax suffixes ({@code +json}, {@code +cbor}) of the Jackson converters.
 */
class StructuredSyntaxSuffixTests {

	private static final int VENDOR_JSON = 65100;

	private static final int VENDOR_CBOR = 65101;

	private final CoapContentFormats formats = new CoapContentFormats(
			List.of(new CoapContentFormat(VENDOR_JSON, "application/vnd.acme.reading+json", true),
					new CoapContentFormat(VENDOR_CBOR, "application/vnd.acme.reading+cbor", false)));

	private final JacksonJsonCoapMessageConverter json = new JacksonJsonCoapMessageConverter(new JsonMapper(),
			this.formats);

	private final JacksonCborCoapMessageConverter cbor = new JacksonCborCoapMessageConverter(new CBORMapper(),
			this.formats);

	private static final ResolvableType MAP = ResolvableType.forClass(Map.class);

	@Test
	void jsonConverterHandlesEveryJsonSuffixFormat() {
		for (int format : List.of(MediaTypeRegistry.APPLICATION_JSON, MediaTypeRegistry.APPLICATION_MERGE_PATCH,
				MediaTypeRegistry.APPLICATION_JSON_PATCH, MediaTypeRegistry.APPLICATION_TD_JSON, VENDOR_JSON)) {
			assertThat(this.json.canRead(MAP, format)).as("read %s", format).isTrue();
			assertThat(this.json.canWrite(MAP, format)).as("write %s", format).isTrue();
		}
		assertThat(this.json.read(MAP, "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
				MediaTypeRegistry.APPLICATION_MERGE_PATCH))
			.isEqualTo(Map.of("a", 1));
	}

	@Test
	void cborConverterHandlesEveryCborSuffixFormat() {
		for (int format : List.of(MediaTypeRegistry.APPLICATION_CBOR, MediaTypeRegistry.APPLICATION_SENML_ETCH_CBOR,
				MediaTypeRegistry.APPLICATION_VND_OCF_CBOR, VENDOR_CBOR)) {
			assertThat(this.cbor.canRead(MAP, format)).as("read %s", format).isTrue();
			assertThat(this.cbor.canWrite(MAP, format)).as("write %s", format).isTrue();
		}
	}

	@Test
	void suffixesDoNotCross() {
		assertThat(this.json.canRead(MAP, VENDOR_CBOR)).isFalse();
		assertThat(this.json.canRead(MAP, MediaTypeRegistry.APPLICATION_SENML_XML)).isFalse();
		assertThat(this.cbor.canRead(MAP, VENDOR_JSON)).isFalse();
		// +cbor-seq is a different suffix (RFC 8742)
		assertThat(this.cbor.canRead(MAP, MediaTypeRegistry.APPLICATION_MISSING_BLOCKS_CBOR_SEQ)).isFalse();
		assertThat(this.json.canRead(MAP, MediaTypeRegistry.TEXT_PLAIN)).isFalse();
		assertThat(this.json.canRead(MAP, 65000)).isFalse();
	}

	@Test
	void conciseProblemDetailsAreLeftToErrorResponses() {
		assertThat(this.cbor.canWrite(MAP, CoapContentFormats.PROBLEM_DETAILS_CBOR)).isFalse();
		assertThat(this.cbor.canRead(MAP, CoapContentFormats.PROBLEM_DETAILS_CBOR)).isFalse();
	}

	@Test
	void converterWithoutRegistryKnowsTheRegisteredSuffixFormats() {
		JacksonJsonCoapMessageConverter plain = new JacksonJsonCoapMessageConverter(new JsonMapper());
		assertThat(plain.canRead(MAP, MediaTypeRegistry.APPLICATION_MERGE_PATCH)).isTrue();
		assertThat(plain.canRead(MAP, VENDOR_JSON)).isFalse();
		assertThat(plain.getContentFormats()).containsExactly(MediaTypeRegistry.APPLICATION_JSON,
				MediaTypeRegistry.APPLICATION_SENML_JSON);
	}

}
