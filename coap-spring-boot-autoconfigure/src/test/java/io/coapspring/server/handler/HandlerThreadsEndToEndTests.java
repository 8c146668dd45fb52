package io.coapspring.server.handler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapNonBlocking;
import io.coapspring.annotation.CoapPathVariable;
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
import static org.assertj.core.api.Assertions.fail;

/**
 * The threads of a request: handler methods annotated {@link CoapNonBlocking}, on the method or on the class, run
 * on the Californium protocol thread that delivered the request, the others on the handler executor. A response
 * produced on a handler thread, or on the thread that completes a handler's stage, is sent through Californium's
 * stack on that thread, owning its exchange, instead of on a protocol thread woken for it; what the protocol
 * threads send themselves (the empty ACK of a slow handler) stays with them.
 */
class HandlerThreadsEndToEndTests {

	private static ConfigurableApplicationContext context;

	private static CoapTestClient client;

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(ThreadsApplication.class).web(WebApplicationType.NONE)
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

	@Test
	void responseOfAHandlerMethodIsSentOnItsHandlerThread() {
		// A handler that answers before the protocol thread has finished the job that received the request finds
		// the exchange still busy: its response is queued behind that job and sent by the protocol thread, which
		// is processing the exchange anyway. The handler takes a few milliseconds so that this is rare; one of a
		// few requests must be sent by its own handler thread.
		List<String> sentElsewhere = new ArrayList<>();
		for (int attempt = 0; attempt < 5; attempt++) {
			CoapResponse response = client.get("/sending/plain");
			assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
			assertThat(response.getResponseText()).startsWith("handler-pool-");
			if (response.getResponseText().equals(sendingThread(response))) {
				return;
			}
			sentElsewhere.add(response.getResponseText() + "'s response sent by " + sendingThread(response));
		}
		fail("No response was sent by the handler thread that produced it: " + sentElsewhere);
	}

	@Test
	void separateResponseIsSentOnTheHandlerThreadAfterTheEmptyAck() {
		CoapResponse response = client.get("/sending/slow");
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.advanced().getType()).isEqualTo(Type.CON);
		assertThat(sendingThread(response)).isEqualTo(response.getResponseText());
	}

	@Test
	void responseOfAStageIsSentOnTheThreadThatCompletesIt() {
		CoapResponse response = client.get("/sending/stage");
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getResponseText()).isEqualTo("stage-completer");
		assertThat(sendingThread(response)).isEqualTo("stage-completer");
	}

	private static String sendingThread(CoapResponse response) {
		return context.getBean(SendingThreads.class).byToken.get(response.advanced().getTokenString());
	}

	private static String threadOf(String path) {
		CoapResponse response = client.get(path);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		return response.getResponseText();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ MixedController.class, NonBlockingController.class, SendingThreadController.class })
	static class ThreadsApplication {

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

	/**
	 * The thread each response first went through the endpoint's stack on (a retransmission goes through it
	 * again, on a protocol thread), by its token.
	 */
	static class SendingThreads extends MessageInterceptorAdapter {

		final Map<String, String> byToken = new ConcurrentHashMap<>();

		@Override
		public void sendResponse(Response response) {
			this.byToken.putIfAbsent(response.getTokenString(), Thread.currentThread().getName());
		}

	}

	@CoapController
	static class SendingThreadController implements AutoCloseable {

		private final ScheduledExecutorService completer = Executors
			.newSingleThreadScheduledExecutor((runnable) -> new Thread(runnable, "stage-completer"));

		@CoapGetMapping("/sending/plain")
		String plain() throws InterruptedException {
			// well below the piggyback delay: the response is piggybacked on the ACK
			TimeUnit.MILLISECONDS.sleep(5);
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
