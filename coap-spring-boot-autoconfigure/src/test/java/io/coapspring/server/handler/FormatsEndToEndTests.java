package io.coapspring.server.handler;

import java.util.Map;

import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.cbor.CBORMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Content-Formats with a structured syntax suffix ({@code +json}, {@code +cbor}) read and written by the JSON and
 * CBOR converters, and If-Match against every representation of a resource, over UDP.
 */
class FormatsEndToEndTests extends AbstractEndToEndTests {

	private final CBORMapper cbor = new CBORMapper();

	@Test
	void mergePatchJsonIsReadByTheJsonConverter() {
		Request request = this.client.request(Code.PATCH, "/formats/merge/m1");
		request.setPayload("{\"value\":21.5}");
		request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_MERGE_PATCH);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
		assertThat(response.getResponseText()).isEqualTo("{\"sensor\":\"m1\",\"value\":21.5}");
	}

	@Test
	void customJsonFormatIsReadAndWrittenByTheJsonConverter() {
		Request request = this.client.request(Code.POST, "/formats/vendor");
		request.setPayload("{\"sensor\":\"t1\",\"value\":3.0}");
		request.getOptions().setContentFormat(EndToEndApplication.VENDOR_FORMAT);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
		assertThat(response.getOptions().getContentFormat()).isEqualTo(EndToEndApplication.VENDOR_FORMAT);
		assertThat(response.getResponseText()).isEqualTo("{\"sensor\":\"T1\",\"value\":3.0}");
	}

	@Test
	void cborSuffixFormatIsReadByTheCborConverterAndWrittenWithDefiniteLengths() {
		Request request = this.client.request(Code.POST, "/formats/etch");
		request.setPayload(this.cbor.writeValueAsBytes(Map.of("n", "t")));
		request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_SENML_ETCH_CBOR);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
		assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_CBOR);
		// a map of one entry with a definite length: a1 61 6e 61 74
		assertThat(response.getPayload()).containsExactly(0xa1, 0x61, 'n', 0x61, 't');
	}

	@Test
	void unsupportedFormatIsAnsweredWithWhatTheMappingAccepts() {
		Request request = this.client.request(Code.PATCH, "/formats/merge/m2");
		request.setPayload("{\"value\":1}");
		request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
		assertThat(response.getResponseText()).contains("application/merge-patch+json")
			.doesNotContain("supported: 50");
	}

	@Test
	void ifMatchWithTheEtagOfTheCborRepresentationChangesWithoutAccept() {
		put("/formats/readings/r1", new Reading("r1", 1.0), null);
		byte[] cborEtag = etag("/formats/readings/r1", MediaTypeRegistry.APPLICATION_CBOR);
		byte[] jsonEtag = etag("/formats/readings/r1", MediaTypeRegistry.APPLICATION_JSON);
		assertThat(cborEtag).isNotEqualTo(jsonEtag);
		assertThat(put("/formats/readings/r1", new Reading("r1", 2.0), cborEtag).getCode())
			.isEqualTo(ResponseCode.CHANGED);
		CoapResponse stale = put("/formats/readings/r1", new Reading("r1", 3.0), cborEtag);
		assertThat(stale.getCode()).isEqualTo(ResponseCode.PRECONDITION_FAILED);
		byte[] current = etag("/formats/readings/r1", MediaTypeRegistry.APPLICATION_JSON);
		assertThat(put("/formats/readings/r1", new Reading("r1", 4.0), current).getCode())
			.isEqualTo(ResponseCode.CHANGED);
	}

	private byte[] etag(String path, int accept) {
		Request request = this.client.request(Code.GET, path);
		request.getOptions().setAccept(accept);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getOptions().getContentFormat()).isEqualTo(accept);
		return response.getOptions().getETags().get(0);
	}

	// a CBOR device: CBOR payload, no Accept
	private CoapResponse put(String path, Reading reading, byte @Nullable [] ifMatch) {
		Request request = this.client.request(Code.PUT, path);
		request.setPayload(this.cbor.writeValueAsBytes(reading));
		request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_CBOR);
		if (ifMatch != null) {
			request.getOptions().addIfMatch(ifMatch);
		}
		return this.client.send(request);
	}

}
