package io.coapspring.server.invocation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapPostMapping;
import io.coapspring.autoconfigure.CoapAutoConfiguration;
import io.coapspring.autoconfigure.CoapHandlerAutoConfiguration;
import io.coapspring.autoconfigure.CoapMessageConvertersAutoConfiguration;
import io.coapspring.autoconfigure.CoapServerAutoConfiguration;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A handler method whose return type cannot be answered (a CoAP message or a part of one, which the JSON converter
 * would otherwise dump as an object) fails the start-up with a message that names the method.
 */
class UnanswerableReturnTypeTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class,
				CoapMessageConvertersAutoConfiguration.class, CoapServerAutoConfiguration.class,
				CoapHandlerAutoConfiguration.class, JacksonAutoConfiguration.class))
		.withPropertyValues("coap.server.port=0");

	@Test
	void optionSetFailsStartupNamingTheMethod() {
		this.contextRunner.withUserConfiguration(OptionSetController.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("Unsupported return type org.eclipse.californium.core.coap.OptionSet")
				.hasMessageContaining("OptionSetController#options()")
				.hasMessageContaining("io.coapspring.convert.CoapResponseEntity"));
	}

	@Test
	void californiumResponseInAStageFailsStartupNamingTheMethod() {
		this.contextRunner.withUserConfiguration(ResponseController.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("Unsupported return type java.util.concurrent.CompletionStage"
						+ "<org.eclipse.californium.core.coap.Response>")
				.hasMessageContaining("ResponseController#respond()"));
	}

	@Test
	void requestViewFailsStartupNamingTheMethod() {
		this.contextRunner.withUserConfiguration(RequestController.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("Unsupported return type io.coapspring.server.invocation.CoapRequest")
				.hasMessageContaining("RequestController#echo(CoapRequest)"));
	}

	@CoapController
	static class OptionSetController {

		@CoapPostMapping("/options")
		OptionSet options() {
			return new OptionSet().setMaxAge(1);
		}

	}

	@CoapController
	static class ResponseController {

		@CoapGetMapping("/response")
		CompletionStage<Response> respond() {
			return CompletableFuture.completedFuture(new Response(ResponseCode.CONTENT));
		}

	}

	@CoapController
	static class RequestController {

		@CoapGetMapping("/request")
		CoapRequest echo(CoapRequest request) {
			return request;
		}

	}

}
