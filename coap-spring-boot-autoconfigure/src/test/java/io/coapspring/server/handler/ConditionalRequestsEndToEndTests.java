package io.coapspring.server.handler;

import io.coapspring.server.invocation.CoapResponseWriter;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Automatic ETags, 2.03 Valid, Max-Age and If-Match / If-None-Match, over UDP.
 */
class ConditionalRequestsEndToEndTests extends AbstractEndToEndTests {

	@Test
	void getCarriesAnEtagComputedFromThePayloadAndMaxAge() {
		put("/docs/etag", "some text", null, false);
		CoapResponse response = this.client.get("/docs/etag");
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getOptions().getETags()).containsExactly(CoapResponseWriter.etag("some text".getBytes()));
		assertThat(response.getOptions().getMaxAge()).isEqualTo(30);
	}

	@Test
	void matchingEtagIsAnsweredValidWithoutPayload() {
		put("/docs/valid", "v1", null, false);
		byte[] etag = this.client.get("/docs/valid").getOptions().getETags().get(0);
		Request request = this.client.request(Code.GET, "/docs/valid");
		request.getOptions().addETag(new byte[] { 1, 2, 3 }).addETag(etag);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.VALID);
		assertThat(response.getOptions().getETags()).containsExactly(etag);
		assertThat(response.getOptions().getMaxAge()).isEqualTo(30);
		assertThat(response.getPayload()).isEmpty();
	}

	@Test
	void changedRepresentationIsSentAgainWithItsNewEtag() {
		put("/docs/changed", "v1", null, false);
		byte[] etag = this.client.get("/docs/changed").getOptions().getETags().get(0);
		put("/docs/changed", "v2", null, false);
		Request request = this.client.request(Code.GET, "/docs/changed");
		request.getOptions().addETag(etag);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getResponseText()).isEqualTo("v2");
		assertThat(response.getOptions().getETags().get(0)).isNotEqualTo(etag);
	}

	@Test
	void ifMatchWithTheCurrentEtagChanges() {
		put("/docs/match", "v1", null, false);
		byte[] etag = this.client.get("/docs/match").getOptions().getETags().get(0);
		assertThat(put("/docs/match", "v2", etag, false).getCode()).isEqualTo(ResponseCode.CHANGED);
		assertThat(this.client.get("/docs/match").getResponseText()).isEqualTo("v2");
	}

	@Test
	void ifMatchWithAStaleEtagIsPreconditionFailed() {
		put("/docs/stale", "v1", null, false);
		byte[] etag = this.client.get("/docs/stale").getOptions().getETags().get(0);
		put("/docs/stale", "v2", null, false);
		CoapResponse response = put("/docs/stale", "v3", etag, false);
		assertThat(response.getCode()).isEqualTo(ResponseCode.PRECONDITION_FAILED);
		assertThat(this.client.get("/docs/stale").getResponseText()).isEqualTo("v2");
	}

	@Test
	void ifMatchOnAMissingResourceIsPreconditionFailed() {
		assertThat(put("/docs/missing", "v1", new byte[0], false).getCode())
			.isEqualTo(ResponseCode.PRECONDITION_FAILED);
		assertThat(this.client.get("/docs/missing").getCode()).isEqualTo(ResponseCode.NOT_FOUND);
	}

	@Test
	void ifNoneMatchCreatesOnlyWhenAbsent() {
		assertThat(put("/docs/fresh", "v1", null, true).getCode()).isEqualTo(ResponseCode.CHANGED);
		assertThat(put("/docs/fresh", "v2", null, true).getCode()).isEqualTo(ResponseCode.PRECONDITION_FAILED);
		assertThat(this.client.get("/docs/fresh").getResponseText()).isEqualTo("v1");
	}

	private CoapResponse put(String path, String text, byte[] ifMatch, boolean ifNoneMatch) {
		Request request = this.client.request(Code.PUT, path);
		request.setPayload(text);
		request.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
		if (ifMatch != null) {
			request.getOptions().addIfMatch(ifMatch);
		}
		request.getOptions().setIfNoneMatch(ifNoneMatch);
		return this.client.send(request);
	}

}
