package io.coapspring.server.handler;

import java.nio.charset.StandardCharsets;

import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.option.IntegerOptionDefinition;
import org.eclipse.californium.core.coap.option.StringOptionDefinition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of handler method argument, over UDP.
 */
class ArgumentsEndToEndTests extends AbstractEndToEndTests {

	@Test
	void pathVariablesAreConvertedAndRenamed() {
		CoapResponse response = this.client.get("/args/path/41/kitchen");
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getResponseText()).isEqualTo("id=42;name=kitchen");
	}

	@Test
	void allPathVariablesAsMap() {
		assertThat(this.client.get("/args/vars/x/y").getResponseText()).isEqualTo("x+y");
	}

	@Test
	void restOfThePath() {
		assertThat(this.client.get("/args/files/a/b/c.txt").getResponseText()).isEqualTo("rest=a/b/c.txt");
		assertThat(this.client.get("/args/files").getResponseText()).isEqualTo("rest=");
	}

	@Test
	void pathVariableOfTheWrongTypeIsBadRequest() {
		CoapResponse response = this.client.get("/args/typed/abc");
		assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
		assertThat(response.getResponseText()).isEqualTo("Invalid path variable 'n' 'abc': expected long");
		assertThat(response.getOptions().hasContentFormat()).isFalse();
	}

	@Test
	void queryParametersWithDefaultsListsFlagsAndOptionals() {
		CoapResponse response = this.client.get("/args/query?unit=c&limit=5&tag=a&tag=b&verbose&scale=1.5");
		assertThat(response.getResponseText())
			.isEqualTo("unit=c;limit=5;page=7;tags=[a, b];verbose=true;scale=1.5");
		response = this.client.get("/args/query?unit=k&page=2");
		assertThat(response.getResponseText())
			.isEqualTo("unit=k;limit=null;page=2;tags=null;verbose=false;scale=none");
	}

	@Test
	void missingRequiredQueryParameterIsBadRequest() {
		CoapResponse response = this.client.get("/args/query?limit=5");
		assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
		assertThat(response.getResponseText()).isEqualTo("Missing query parameter 'unit'");
	}

	@Test
	void queryParameterOfTheWrongTypeIsBadRequest() {
		CoapResponse response = this.client.get("/args/query?unit=c&limit=many");
		assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
		assertThat(response.getResponseText()).isEqualTo("Invalid query parameter 'limit' 'many': expected Integer");
	}

	@Test
	void optionsByNameNumberAndStandardName() {
		Request request = this.client.request(Code.GET, "/args/options");
		request.getOptions().addOption(new Option(new StringOptionDefinition(EndToEndApplication.TENANT_OPTION,
				"X-Tenant"), "acme"));
		request.getOptions().addOption(new Option(new IntegerOptionDefinition(EndToEndApplication.SENSOR_ID_OPTION,
				"X-Sensor-Id"), 7));
		request.getOptions().setAccept(MediaTypeRegistry.TEXT_PLAIN);
		request.getOptions().addETag(new byte[] { 0x0a, 0x0b }).addETag(new byte[] { 0x0c });
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getResponseText()).isEqualTo("tenant=acme;sensor=7;accept=0;etags=[0a0b, 0c]");
	}

	@Test
	void missingRequiredOptionIsBadRequest() {
		Request request = this.client.request(Code.GET, "/args/options");
		request.getOptions().addOption(new Option(new IntegerOptionDefinition(EndToEndApplication.SENSOR_ID_OPTION,
				"X-Sensor-Id"), 7));
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
		assertThat(response.getResponseText()).isEqualTo("Missing option 'X-Tenant'");
	}

	@Test
	void jsonPayloadIsReadAndWrittenInTheAcceptedFormat() throws Exception {
		Request request = this.client.request(Code.POST, "/args/reading");
		request.setPayload("{\"sensor\":\"t1\",\"value\":20.5}");
		request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
		assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_JSON);
		assertThat(JsonMapper.builder().build().readValue(response.getPayload(), Reading.class))
			.isEqualTo(new Reading("T1", 41.0));
	}

	@Test
	void cborPayloadIsRead() throws Exception {
		CBORMapper cbor = CBORMapper.builder().build();
		Request request = this.client.request(Code.POST, "/args/reading");
		request.setPayload(cbor.writeValueAsBytes(new Reading("c", 1.5)));
		request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_CBOR);
		request.getOptions().setAccept(MediaTypeRegistry.APPLICATION_CBOR);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
		assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_CBOR);
		assertThat(cbor.readValue(response.getPayload(), Reading.class)).isEqualTo(new Reading("C", 3.0));
	}

	@Test
	void customContentFormatIsConsumedAndProduced() {
		Request request = this.client.request(Code.POST, "/args/vendor");
		request.setPayload("{\"temp\":1}");
		request.getOptions().setContentFormat(EndToEndApplication.VENDOR_FORMAT);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
		assertThat(response.getOptions().getContentFormat()).isEqualTo(EndToEndApplication.VENDOR_FORMAT);
		assertThat(response.getResponseText()).isEqualTo("{\"TEMP\":1}");
	}

	@Test
	void unparseableJsonIsBadRequestWithDiagnostic() {
		Request request = this.client.request(Code.POST, "/args/reading");
		request.setPayload("{\"sensor\":\"t1\",\"value\":");
		request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
		assertThat(response.getResponseText())
			.isEqualTo("Malformed JSON payload (line 1, column 24): Unexpected end-of-input within/between Object entries");
	}

	@Test
	void wrongContentFormatIsUnsupported() {
		Request request = this.client.request(Code.POST, "/args/reading");
		request.setPayload("<reading/>");
		request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_XML);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
		assertThat(response.getResponseText()).isEqualTo("Content-Format 41 (application/xml) is not supported;"
				+ " supported: 50 (application/json), 60 (application/cbor)");
	}

	@Test
	void payloadWithoutContentFormatIsUnsupportedWhereFormatsAreDeclared() {
		Request request = this.client.request(Code.POST, "/args/reading");
		request.setPayload("{}");
		assertThat(this.client.send(request).getCode()).isEqualTo(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
	}

	@Test
	void validPayloadPassesValidation() {
		Request request = this.client.request(Code.PUT, "/args/threshold");
		request.setPayload("{\"unit\":\"c\",\"limit\":80}");
		request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
		assertThat(response.getResponseText()).isEqualTo("limit 80 c");
	}

	@Test
	void invalidPayloadIsBadRequestNamingTheFields() {
		Request request = this.client.request(Code.PUT, "/args/threshold");
		request.setPayload("{\"unit\":\" \",\"limit\":180}");
		request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
		assertThat(response.getResponseText())
			.isEqualTo("Invalid payload: limit must be less than or equal to 100; unit must not be blank");
	}

	@Test
	void missingRequiredPayloadIsBadRequest() {
		Request request = this.client.request(Code.PUT, "/args/threshold");
		request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_REQUEST);
		assertThat(response.getResponseText()).isEqualTo("Missing payload");
	}

	@Test
	void optionalPayload() {
		assertThat(this.client.send(this.client.request(Code.POST, "/args/optional-payload")).getResponseText())
			.isEqualTo("nothing");
		Request request = this.client.request(Code.POST, "/args/optional-payload");
		request.setPayload("x");
		request.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
		assertThat(this.client.send(request).getResponseText()).isEqualTo("got x");
	}

	@Test
	void rawPayloadWhateverItsFormat() {
		Request request = this.client.request(Code.POST, "/args/raw");
		request.setPayload(new byte[] { 5, 6, 7 });
		request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_OCTET_STREAM);
		assertThat(this.client.send(request).getResponseText()).isEqualTo("bytes=3;first=5;last=7");
	}

	@Test
	void requestViewPeerAddressPrincipalAndMethod() {
		Request request = this.client.request(Code.POST, "/args/request?x=1");
		request.setToken(new byte[] { 0x12, 0x34 });
		CoapResponse response = this.client.send(request);
		assertThat(new String(response.getPayload(), StandardCharsets.UTF_8)).isEqualTo(
				"POST /args/request?x=1 peer=127.0.0.1 principal=null con=true token=1234 uri=/args/request");
	}

	@Test
	void requiredPrincipalOverPlainUdpIsUnauthorized() {
		CoapResponse response = this.client.send(this.client.request(Code.GET, "/args/principal"));
		assertThat(response.getCode()).isEqualTo(ResponseCode.UNAUTHORIZED);
		assertThat(response.getResponseText()).isEqualTo("Authentication required: send the request over DTLS (coaps)");
	}

	@Test
	void optionalPrincipalOverPlainUdpIsEmpty() {
		CoapResponse response = this.client.send(this.client.request(Code.GET, "/args/optional-principal"));
		assertThat(response.getResponseText()).isEqualTo("nobody secure=false identity=null");
	}

}
