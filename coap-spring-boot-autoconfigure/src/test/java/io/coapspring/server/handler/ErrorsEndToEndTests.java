package io.coapspring.server.handler;

import java.util.Map;

import io.coapspring.convert.CoapContentFormats;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.cbor.CBORMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exceptions of handler methods, exception handlers and error payloads, over UDP.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorsEndToEndTests extends AbstractEndToEndTests {

	@Test
	void responseStatusExceptionSetsCodeAndDiagnostic() {
		CoapResponse response = this.client.get("/errors/status");
		assertThat(response.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
		assertThat(response.getResponseText()).isEqualTo("no access");
		assertThat(response.getOptions().hasContentFormat()).isFalse();
	}

	@Test
	void unhandledExceptionIsInternalServerErrorWithoutDetailsAndLoggedOnce(CapturedOutput output) {
		CoapResponse response = this.client.get("/errors/boom");
		assertThat(response.getCode()).isEqualTo(ResponseCode.INTERNAL_SERVER_ERROR);
		assertThat(response.getResponseText()).isEqualTo("Internal Server Error");
		assertThat(output.getOut()).containsOnlyOnce("java.lang.IllegalStateException: secret internal detail");
	}

	@Test
	void localExceptionHandler() {
		CoapResponse response = this.client.get("/errors/handled/s9");
		assertThat(response.getCode()).isEqualTo(ResponseCode.NOT_FOUND);
		assertThat(response.getResponseText()).isEqualTo("sensor s9 not found at /errors/handled/s9");
	}

	@Test
	void adviceExceptionHandlerWithResponseStatus() {
		CoapResponse response = this.client.get("/errors/advised");
		assertThat(response.getCode()).isEqualTo(ResponseCode.TOO_MANY_REQUESTS);
		assertThat(response.getResponseText()).isEqualTo("quota exceeded");
	}

	@Test
	void exceptionAnnotatedWithResponseStatus() {
		CoapResponse response = this.client.get("/errors/annotated");
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONFLICT);
		assertThat(response.getResponseText()).isEqualTo("busy, try again");
	}

	@Test
	void problemDetailsWhenAccepted() throws Exception {
		Request request = this.client.request(Code.GET, "/errors/status");
		request.getOptions().setAccept(CoapContentFormats.PROBLEM_DETAILS_CBOR);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
		assertThat(response.getOptions().getContentFormat()).isEqualTo(CoapContentFormats.PROBLEM_DETAILS_CBOR);
		Map<String, Object> details = CBORMapper.builder().build().readValue(response.getPayload(),
				new TypeReference<Map<String, Object>>() {
				});
		assertThat(details).containsEntry("-1", "Forbidden")
			.containsEntry("-2", "no access")
			.containsEntry("-4", ResponseCode.FORBIDDEN.value);
	}

	@Test
	void problemDetailsAreAcceptedByMappingsThatProduceOtherFormats() throws Exception {
		Request request = this.client.request(Code.GET, "/returns/optional/none");
		request.getOptions().setAccept(CoapContentFormats.PROBLEM_DETAILS_CBOR);
		CoapResponse missing = this.client.send(request);
		assertThat(missing.getCode()).isEqualTo(ResponseCode.NOT_FOUND);
		assertThat(missing.getOptions().getContentFormat()).isEqualTo(CoapContentFormats.PROBLEM_DETAILS_CBOR);
		request = this.client.request(Code.GET, "/returns/pojo");
		request.getOptions().setAccept(CoapContentFormats.PROBLEM_DETAILS_CBOR);
		CoapResponse success = this.client.send(request);
		assertThat(success.getCode()).isEqualTo(ResponseCode.NOT_ACCEPTABLE);
		assertThat(success.getOptions().getContentFormat()).isEqualTo(CoapContentFormats.PROBLEM_DETAILS_CBOR);
		request = this.client.request(Code.GET, "/errors/handled/s9");
		request.getOptions().setAccept(CoapContentFormats.PROBLEM_DETAILS_CBOR);
		CoapResponse handled = this.client.send(request);
		assertThat(handled.getCode()).isEqualTo(ResponseCode.NOT_FOUND);
		Map<String, Object> details = CBORMapper.builder().build().readValue(handled.getPayload(),
				new TypeReference<Map<String, Object>>() {
				});
		assertThat(details).containsEntry("-2", "sensor s9 not found at /errors/handled/s9");
	}

	@Test
	void problemDetailsForDispatcherErrorsToo() throws Exception {
		Request request = this.client.request(Code.DELETE, "/returns/string");
		request.getOptions().setAccept(CoapContentFormats.PROBLEM_DETAILS_CBOR);
		CoapResponse response = this.client.send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED);
		assertThat(response.getOptions().getContentFormat()).isEqualTo(CoapContentFormats.PROBLEM_DETAILS_CBOR);
		Map<String, Object> details = CBORMapper.builder().build().readValue(response.getPayload(),
				new TypeReference<Map<String, Object>>() {
				});
		assertThat(details).containsEntry("-4", 133);
	}

}
