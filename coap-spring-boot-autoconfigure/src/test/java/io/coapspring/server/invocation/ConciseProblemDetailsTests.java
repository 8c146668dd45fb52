package io.coapspring.server.invocation;

import java.util.Map;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.cbor.CBORMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConciseProblemDetails}.
 */
class ConciseProblemDetailsTests {

	private final CBORMapper cbor = CBORMapper.builder().build();

	@Test
	void encodesTitleDetailAndResponseCodeWithNegativeKeys() {
		byte[] encoded = ConciseProblemDetails.encode(ResponseCode.NOT_FOUND, "no sensor 7");
		// map(3), -1: "Not Found", ...
		assertThat(encoded[0] & 0xFF).isEqualTo(0xA3);
		assertThat(encoded[1] & 0xFF).isEqualTo(0x20);
		assertThat(decode(encoded)).containsExactly(Map.entry("-1", "Not Found"), Map.entry("-2", "no sensor 7"),
				Map.entry("-4", 132));
	}

	@Test
	void omitsAnEmptyDetailAndEncodesLongTexts() {
		assertThat(decode(ConciseProblemDetails.encode(ResponseCode.INTERNAL_SERVER_ERROR, null)))
			.containsExactly(Map.entry("-1", "Internal Server Error"), Map.entry("-4", 160));
		String detail = "x".repeat(70_000);
		assertThat(decode(ConciseProblemDetails.encode(ResponseCode.BAD_REQUEST, detail))).containsEntry("-2", detail);
	}

	private Map<String, Object> decode(byte[] encoded) {
		return this.cbor.readValue(encoded, new TypeReference<Map<String, Object>>() {
		});
	}

}
