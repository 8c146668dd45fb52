package io.coapspring.server.handler;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.server.CoapServerCustomizer;
import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A response produced on a handler thread, or on the thread that completes a handler's stage, is sent through
 * Californium's stack on that thread, owning its exchange, instead of on a protocol thread woken for it; and
 * what the protocol threads send themselves (the empty ACK of a slow handler) stays with them.
 */
class ResponseSendingThreadEndToEndTests {

	private static ConfigurableApplicationContext context;

	private static CoapTestClient client;

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(SendingThreadApplication.class).web(WebApplicationType.NONE)
			.properties("coap.server.port=0", "coap.server.executor.thread-name-prefix=handler-pool-",
					"coap.network.piggyback-reply=50ms", "spring.main.banner-mode=off")
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
	void responseOfAHandlerMethodIsSentOnItsHandlerThread() {
		CoapResponse response = client.get("/sending/plain");
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getResponseText()).startsWith("handler-pool-");
		assertThat(sendingThreads().get(response.getResponseText())).isEqualTo(response.getResponseText());
	}

	@Test
	void separateResponseIsSentOnTheHandlerThreadAfterTheEmptyAck() {
		CoapResponse response = client.get("/sending/slow");
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.advanced().getType()).isEqualTo(Type.CON);
		assertThat(sendingThreads().get(response.getResponseText())).isEqualTo(response.getResponseText());
	}

	@Test
	void responseOfAStageIsSentOnTheThreadThatCompletesIt() {
		CoapResponse response = client.get("/sending/stage");
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getResponseText()).isEqualTo("stage-completer");
		assertThat(sendingThreads().get("stage-completer")).isEqualTo("stage-completer");
	}

	private static Map<String, String> sendingThreads() {
		return context.getBean(SendingThreads.class).byPayload;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(SendingThreadController.class)
	static class SendingThreadApplication {

		@Bean
		SendingThreads sendingThreads() {
			return new SendingThreads();
		}

		@Bean
		CoapServerCustomizer sendingThreadRecorder(SendingThreads sendingThreads) {
			return (server) -> {
				for (Endpoint endpoint : server.getEndpoints()) {
					endpoint.addInterceptor(sendingThreads);
				}
			};
		}

	}

	/**
	 * The thread each response went through the endpoint's stack on, by its payload.
	 */
	static class SendingThreads extends MessageInterceptorAdapter {

		final Map<String, String> byPayload = new ConcurrentHashMap<>();

		@Override
		public void sendResponse(Response response) {
			this.byPayload.put(response.getPayloadString(), Thread.currentThread().getName());
		}

	}

	@CoapController
	static class SendingThreadController implements AutoCloseable {

		private final ScheduledExecutorService completer = Executors
			.newSingleThreadScheduledExecutor((runnable) -> new Thread(runnable, "stage-completer"));

		@CoapGetMapping("/sending/plain")
		String plain() {
			return Thread.currentThread().getName();
		}

		@CoapGetMapping("/sending/slow")
		String slow() throws InterruptedException {
			// past the piggyback delay, so that the protocol threads send the empty ACK first
			TimeUnit.MILLISECONDS.sleep(200);
			return Thread.currentThread().getName();
		}

		@CoapGetMapping("/sending/stage")
		CompletionStage<String> stage() {
			// completed well after the handler method returned, so never on the handler thread
			CompletableFuture<String> stage = new CompletableFuture<>();
			this.completer.schedule(() -> stage.complete(Thread.currentThread().getName()), 100,
					TimeUnit.MILLISECONDS);
			return stage;
		}

		@Override
		public void close() {
			this.completer.shutdownNow();
		}

	}

}
