package io.coapspring.server.handler;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapNonBlocking;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Handler methods annotated {@link CoapNonBlocking}, on the method or on the class, run on the Californium
 * protocol thread that delivered the request; the others on the handler executor.
 */
class NonBlockingEndToEndTests {

	private static ConfigurableApplicationContext context;

	private static CoapTestClient client;

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(NonBlockingApplication.class).web(WebApplicationType.NONE)
			.properties("coap.server.port=0", "coap.server.executor.thread-name-prefix=handler-pool-",
					"spring.main.banner-mode=off")
			.run();
		int port = context.getEnvironment()
			.getRequiredProperty(CoapPortInfoApplicationContextInitializer.PORT_PROPERTY, Integer.class);
		client = CoapTestClient.ipv4(port);
	}

	@AfterAll
	static void stop() {
		client.close();
		context.close();
	}

	@Test
	void annotatedMethodRunsOnTheProtocolThread() {
		assertThat(threadOf("/mixed/fast")).doesNotStartWith("handler-pool-").startsWith("CoapServer");
	}

	@Test
	void otherMethodsOfTheSameControllerRunOnTheHandlerExecutor() {
		assertThat(threadOf("/mixed/plain")).startsWith("handler-pool-");
	}

	@Test
	void annotatedClassRunsEveryMethodOnTheProtocolThread() {
		assertThat(threadOf("/all/one")).startsWith("CoapServer");
		assertThat(threadOf("/all/two")).startsWith("CoapServer");
	}

	@Test
	void stageReturnedByANonBlockingMethodIsAnsweredWhenItCompletes() {
		CoapResponse response = client.get("/all/later/7");
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getResponseText()).isEqualTo("later 7");
	}

	@Test
	void failureOfANonBlockingMethodIsAnsweredLikeAnyOther() {
		CoapResponse response = client.get("/all/failing");
		assertThat(response.getCode()).isEqualTo(ResponseCode.INTERNAL_SERVER_ERROR);
	}

	private static String threadOf(String path) {
		CoapResponse response = client.get(path);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		return response.getResponseText();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ MixedController.class, NonBlockingController.class })
	static class NonBlockingApplication {

	}

	@CoapController
	static class MixedController {

		@CoapNonBlocking
		@CoapGetMapping("/mixed/fast")
		String fast() {
			return Thread.currentThread().getName();
		}

		@CoapGetMapping("/mixed/plain")
		String plain() {
			return Thread.currentThread().getName();
		}

	}

	@CoapController
	@CoapNonBlocking
	static class NonBlockingController {

		@CoapGetMapping("/all/one")
		String one() {
			return Thread.currentThread().getName();
		}

		@CoapGetMapping("/all/two")
		String two() {
			return Thread.currentThread().getName();
		}

		@CoapGetMapping("/all/later/{id}")
		CompletionStage<String> later(@CoapPathVariable String id) {
			return CompletableFuture.supplyAsync(() -> "later " + id);
		}

		@CoapGetMapping("/all/failing")
		String failing() {
			throw new IllegalStateException("failed on purpose");
		}

	}

}
