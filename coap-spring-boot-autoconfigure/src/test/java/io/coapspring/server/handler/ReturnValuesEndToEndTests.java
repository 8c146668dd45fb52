package io.coapspring.server.handler;

import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of handler method return value and the default response codes, over UDP.
 */
class ReturnValuesEndToEndTests extends AbstractEndToEndTests {

	@Test
	void pojoAsJsonByDefaultAndCborWhenAccepted() throws Exception {
		CoapResponse json = this.client.get("/returns/pojo");
		assertThat(json.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(json.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_JSON);
		assertThat(JsonMapper.builder().build().readValue(json.getPayload(), Reading.class))
			.isEqualTo(new Reading("t1", 21.5));
		Request request = this.client.request(Code.GET, "/returns/pojo");
		request.getOptions().setAccept(MediaTypeRegistry.APPLICATION_CBOR);
		CoapResponse cbor = this.client.send(request);
		assertThat(cbor.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_CBOR);
		assertThat(CBORMapper.builder().build().readValue(cbor.getPayload(), Reading.class))
			.isEqualTo(new Reading("t1", 21.5));
	}

	@Test
	void pojoWithoutProducesIsWrittenInWhatTheClientAccepts() {
		Request request = this.client.request(Code.GET, "/returns/any-pojo");
		request.getOptions().setAccept(MediaTypeRegistry.APPLICATION_XML);
		CoapResponse response = this.client.send(request);
		assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_XML);
		assertThat(response.getResponseText()).contains("<sensor>t2</sensor>");
	}

	@Test
	void acceptOutsideProducesIsNotAcceptable() {
		Request request = this.client.request(Code.GET, "/returns/pojo");
		request.getOptions().setAccept(MediaTypeRegistry.APPLICATION_XML);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.NOT_ACCEPTABLE);
		assertThat(response.getResponseText()).isEqualTo("Cannot produce Content-Format 41 (application/xml);"
				+ " available: 50 (application/json), 60 (application/cbor)");
	}

	@Test
	void acceptNoConverterCanProduceIsNotAcceptable() {
		Request request = this.client.request(Code.GET, "/returns/bytes");
		request.getOptions().setAccept(MediaTypeRegistry.APPLICATION_CWT);
		assertThat(this.client.send(request).getCode()).isEqualTo(ResponseCode.CONTENT);
		request = this.client.request(Code.GET, "/returns/string");
		request.getOptions().setAccept(MediaTypeRegistry.APPLICATION_CWT);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.NOT_ACCEPTABLE);
		assertThat(response.getResponseText()).startsWith("Cannot produce 61 (application/cwt) for String");
	}

	@Test
	void stringAsTextPlain() {
		CoapResponse response = this.client.get("/returns/string");
		assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.TEXT_PLAIN);
		assertThat(response.getResponseText()).isEqualTo("hello");
	}

	@Test
	void bytesAsOctetStream() {
		CoapResponse response = this.client.get("/returns/bytes");
		assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_OCTET_STREAM);
		assertThat(response.getPayload()).containsExactly(1, 2, 3);
	}

	@Test
	void voidGetsTheDefaultCodeOfEachMethod() {
		assertThat(code(Code.GET, "/returns/void")).isEqualTo(ResponseCode.CONTENT);
		assertThat(code(Code.POST, "/returns/void")).isEqualTo(ResponseCode.CHANGED);
		assertThat(code(Code.PUT, "/returns/void")).isEqualTo(ResponseCode.CHANGED);
		assertThat(code(Code.DELETE, "/returns/void")).isEqualTo(ResponseCode.DELETED);
		assertThat(this.client.get("/returns/void").getPayload()).isEmpty();
	}

	@Test
	void fetchPatchAndIPatch() {
		Request fetch = this.client.request(Code.FETCH, "/returns/fetch");
		fetch.setPayload("temp");
		fetch.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
		CoapResponse fetched = this.client.send(fetch);
		assertThat(fetched.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(fetched.getResponseText()).isEqualTo("fetched TEMP");
		Request patch = this.client.request(Code.PATCH, "/returns/patch");
		patch.setPayload("x");
		patch.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
		CoapResponse patched = this.client.send(patch);
		assertThat(patched.getCode()).isEqualTo(ResponseCode.CHANGED);
		assertThat(patched.getResponseText()).isEqualTo("patched x");
		Request ipatch = this.client.request(Code.IPATCH, "/returns/ipatch");
		ipatch.setPayload(new byte[] { 1 });
		CoapResponse ipatched = this.client.send(ipatch);
		assertThat(ipatched.getCode()).isEqualTo(ResponseCode.CHANGED);
		assertThat(ipatched.getResponseText()).isEqualTo("ipatched [1]");
	}

	@Test
	void responseEntityCreatedWithLocationMaxAgeAndCustomOption() {
		CoapResponse response = this.client.send(this.client.request(Code.POST, "/returns/created"));
		assertThat(response.getCode()).isEqualTo(ResponseCode.CREATED);
		assertThat(response.getOptions().getLocationPath()).containsExactly("returns", "items", "7");
		assertThat(response.getOptions().getLocationQuery()).containsExactly("v=1");
		assertThat(response.getOptions().getMaxAge()).isEqualTo(30);
		assertThat(response.getOptions().getOtherOption(EndToEndApplication.TENANT_OPTION).getStringValue())
			.isEqualTo("acme");
		assertThat(response.getResponseText()).isEqualTo("made");
	}

	@Test
	void responseEntityWithContentFormatAndExplicitEtag() {
		CoapResponse response = this.client.get("/returns/entity");
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_CBOR);
		assertThat(response.getOptions().getETags()).containsExactly(new byte[] { 9, 9 });
	}

	@Test
	void responseStatusAnnotationSetsTheDefaultCode() {
		assertThat(code(Code.POST, "/returns/annotated-status")).isEqualTo(ResponseCode.CREATED);
	}

	@Test
	void optionalPresentAndEmpty() {
		CoapResponse found = this.client.get("/returns/optional/7");
		assertThat(found.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(found.getResponseText()).isEqualTo("found 7");
		assertThat(this.client.get("/returns/optional/none").getCode()).isEqualTo(ResponseCode.NOT_FOUND);
		assertThat(this.client.get("/returns/stage-optional").getCode()).isEqualTo(ResponseCode.NOT_FOUND);
	}

	@Test
	void completableFutureIsAnsweredSeparately() {
		Request request = this.client.request(Code.GET, "/returns/future");
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getResponseText()).isEqualTo("later");
		assertThat(response.advanced().getType()).isEqualTo(Type.CON);
	}

	@Test
	void mono() {
		CoapResponse response = this.client.get("/returns/mono");
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getResponseText()).isEqualTo("from mono");
	}

	@Test
	void webLinksAsLinkFormat() {
		CoapResponse response = this.client.get("/returns/links");
		assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_LINK_FORMAT);
		assertThat(response.getResponseText()).isEqualTo("</sensors/7>;rt=\"temperature\"");
		Request request = this.client.request(Code.POST, "/returns/links");
		request.setPayload("</a>;rt=\"x\",</b>");
		request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_LINK_FORMAT);
		assertThat(this.client.send(request).getResponseText()).isEqualTo("2 links, first /a");
	}

	@Test
	void applicationArgumentResolverAndReturnValueHandler() {
		CoapResponse response = this.client.get("/returns/custom?client=abcd");
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getResponseText()).isEqualTo("4.0 C");
		assertThat(response.getOptions().getMaxAge()).isEqualTo(5);
	}

	@Test
	void unknownPathIsNotFound() {
		assertThat(this.client.get("/returns/nothing-here").getCode()).isEqualTo(ResponseCode.NOT_FOUND);
		assertThat(this.client.get("/nowhere").getCode()).isEqualTo(ResponseCode.NOT_FOUND);
	}

	@Test
	void knownPathWithOtherMethodIsMethodNotAllowed() {
		CoapResponse response = this.client.send(this.client.request(Code.DELETE, "/returns/string"));
		assertThat(response.getCode()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
		assertThat(response.getResponseText()).isEqualTo("Method DELETE not allowed; allowed: GET");
	}

	@Test
	void plainCaliforniumResourceStillServed() {
		CoapResponse response = this.client.get("/legacy");
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getResponseText()).isEqualTo("plain californium resource");
	}

	private ResponseCode code(Code method, String path) {
		return this.client.send(this.client.request(method, path)).getCode();
	}

}
