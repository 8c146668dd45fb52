package io.coapspring.convert.jackson;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.cbor.CBORMapper;

import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the definite lengths of the CBOR written by {@link JacksonCborCoapMessageConverter}.
 */
class DefiniteLengthCborTests {

	private final CBORMapper mapper = new CBORMapper();

	private final JacksonCborCoapMessageConverter converter = new JacksonCborCoapMessageConverter(this.mapper);

	record Reading(String sensor, double value, List<Integer> samples, Map<String, Object> tags) {
	}

	@Test
	void objectsAreWrittenAsMapsOfDefiniteLength() {
		byte[] payload = write(new Reading("t1", 21.5, List.of(1, 2), Map.of("room", "lab")));
		// map(4) "sensor" "t1" "value" float64(21.5) "samples" [1, 2] "tags" {"room": "lab"}
		assertThat(hex(payload)).isEqualTo("a4" + "6673656e736f72" + "627431" + "6576616c7565"
				+ "fb4035800000000000" + "6773616d706c6573" + "820102" + "6474616773" + "a164726f6f6d"
				+ "636c6162");
		assertThat(this.mapper.readValue(payload, Reading.class))
			.isEqualTo(new Reading("t1", 21.5, List.of(1, 2), Map.of("room", "lab")));
	}

	@Test
	void noIndefiniteLengthIsLeftInNestedStructures() {
		Map<String, Object> nested = new LinkedHashMap<>();
		Map<String, Object> level = nested;
		for (int i = 0; i < 30; i++) {
			Map<String, Object> next = new LinkedHashMap<>();
			level.put("k" + i, List.of(next, "x".repeat(i * 10), i));
			level = next;
		}
		byte[] jackson = this.mapper.writeValueAsBytes(nested);
		assertThat(jackson).contains((byte) 0xbf);
		byte[] payload = write(nested);
		assertThat(this.mapper.readTree(payload)).isEqualTo(this.mapper.readTree(jackson));
		assertThat(DefiniteLengthCbor.rewrite(payload)).isSameAs(payload);
	}

	@Test
	void largeMapsGetAWiderLength() {
		Map<String, Integer> large = new LinkedHashMap<>();
		for (int i = 0; i < 300; i++) {
			large.put("k" + i, i);
		}
		byte[] payload = write(new Object[] { large });
		// array(1), then map with a two-byte length of 300
		assertThat(hex(payload)).startsWith("81b9012c");
		assertThat(this.mapper.readTree(payload).get(0).size()).isEqualTo(300);
	}

	@Test
	void indefiniteStringsAreJoined() {
		// (_ h'0102', h'03') and (_ "ab", "c") in an indefinite array
		byte[] input = bytes("9f5f420102410 3ff7f626162616 3ffff");
		assertThat(hex(DefiniteLengthCbor.rewrite(input))).isEqualTo("8243010203" + "63616263");
	}

	@Test
	void malformedInputIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> DefiniteLengthCbor.rewrite(bytes("bf6161")));
		assertThatIllegalArgumentException().isThrownBy(() -> DefiniteLengthCbor.rewrite(bytes("bf616101ff ff")));
	}

	private byte[] write(Object value) {
		return this.converter.write(value, ResolvableType.forInstance(value), MediaTypeRegistry.APPLICATION_CBOR);
	}

	private static String hex(byte[] bytes) {
		StringBuilder text = new StringBuilder();
		for (byte b : bytes) {
			text.append(String.format("%02x", b & 0xff));
		}
		return text.toString();
	}

	private static byte[] bytes(String hex) {
		String digits = hex.replace(" ", "");
		byte[] bytes = new byte[digits.length() / 2];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) Integer.parseInt(digits.substring(i * 2, i * 2 + 2), 16);
		}
		return bytes;
	}

}
