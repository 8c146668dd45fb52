package io.coapspring.proxy.http;

import java.util.List;

import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapHttpStatusMapping} and {@link HttpEntityTags}.
 */
class CoapHttpMappingTests {

	@Test
	void coapCodesMapToHttpAsRfc8075Says() {
		assertThat(CoapHttpStatusMapping.toHttpStatus(ResponseCode.CONTENT, true, false)).isEqualTo(200);
		assertThat(CoapHttpStatusMapping.toHttpStatus(ResponseCode.CREATED, false, false)).isEqualTo(201);
		assertThat(CoapHttpStatusMapping.toHttpStatus(ResponseCode.CHANGED, false, false)).isEqualTo(204);
		assertThat(CoapHttpStatusMapping.toHttpStatus(ResponseCode.CHANGED, true, false)).isEqualTo(200);
		assertThat(CoapHttpStatusMapping.toHttpStatus(ResponseCode.DELETED, false, false)).isEqualTo(204);
		assertThat(CoapHttpStatusMapping.toHttpStatus(ResponseCode.VALID, false, true)).isEqualTo(304);
		assertThat(CoapHttpStatusMapping.toHttpStatus(ResponseCode.UNAUTHORIZED, true, false)).isEqualTo(403);
		assertThat(CoapHttpStatusMapping.toHttpStatus(ResponseCode.BAD_OPTION, true, false)).isEqualTo(400);
		assertThat(CoapHttpStatusMapping.toHttpStatus(ResponseCode.METHOD_NOT_ALLOWED, true, false)).isEqualTo(400);
		assertThat(CoapHttpStatusMapping.toHttpStatus(ResponseCode.NOT_FOUND, true, false)).isEqualTo(404);
		assertThat(CoapHttpStatusMapping.toHttpStatus(ResponseCode.REQUEST_ENTITY_TOO_LARGE, true, false))
			.isEqualTo(413);
		assertThat(CoapHttpStatusMapping.toHttpStatus(ResponseCode.UNSUPPORTED_CONTENT_FORMAT, true, false))
			.isEqualTo(415);
		assertThat(CoapHttpStatusMapping.toHttpStatus(ResponseCode.TOO_MANY_REQUESTS, true, false)).isEqualTo(429);
		assertThat(CoapHttpStatusMapping.toHttpStatus(ResponseCode.PROXY_NOT_SUPPORTED, true, false)).isEqualTo(502);
		assertThat(CoapHttpStatusMapping.toHttpStatus(ResponseCode.GATEWAY_TIMEOUT, true, false)).isEqualTo(504);
	}

	@Test
	void httpStatusesMapToCoapByMethod() {
		assertThat(CoapHttpStatusMapping.toCoapCode(200, Code.GET)).isEqualTo(ResponseCode.CONTENT);
		assertThat(CoapHttpStatusMapping.toCoapCode(200, Code.PUT)).isEqualTo(ResponseCode.CHANGED);
		assertThat(CoapHttpStatusMapping.toCoapCode(204, Code.DELETE)).isEqualTo(ResponseCode.DELETED);
		assertThat(CoapHttpStatusMapping.toCoapCode(201, Code.POST)).isEqualTo(ResponseCode.CREATED);
		assertThat(CoapHttpStatusMapping.toCoapCode(304, Code.GET)).isEqualTo(ResponseCode.VALID);
		assertThat(CoapHttpStatusMapping.toCoapCode(410, Code.GET)).isEqualTo(ResponseCode.NOT_FOUND);
		assertThat(CoapHttpStatusMapping.toCoapCode(418, Code.GET)).isEqualTo(ResponseCode.BAD_REQUEST);
		assertThat(CoapHttpStatusMapping.toCoapCode(505, Code.GET)).isEqualTo(ResponseCode.INTERNAL_SERVER_ERROR);
		assertThat(CoapHttpStatusMapping.toCoapCode(302, Code.GET)).isEqualTo(ResponseCode.BAD_GATEWAY);
	}

	@Test
	void etagsAreHexadecimalEntityTags() {
		assertThat(HttpEntityTags.toEntityTag(new byte[] { 0x0a, (byte) 0xff })).isEqualTo("\"0aff\"");
		assertThat(HttpEntityTags.toETag("\"0aff\"")).containsExactly(0x0a, 0xff);
		assertThat(HttpEntityTags.toETag("W/\"0aff\"")).as("weak").isNull();
		assertThat(HttpEntityTags.toETag("\"xyz1\"")).isNull();
		assertThat(HttpEntityTags.toETag("\"000102030405060708\"")).as("9 bytes").isNull();
		assertThat(HttpEntityTags.toETag("\"\"")).isNull();
	}

	@Test
	void conditionalHeadersSplitIntoEntityTags() {
		assertThat(HttpEntityTags.split(List.of("\"0a\", W/\"0b\",\"a,b\"", "*"))).containsExactly("\"0a\"",
				"W/\"0b\"", "\"a,b\"", "*");
		assertThat(HttpEntityTags.split(List.of("garbage, \"01\""))).containsExactly("garbage", "\"01\"");
	}

}
