package io.coapspring.server.invocation.support;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.invocation.CoapHandlerMethodReturnValueHandler;
import io.coapspring.server.invocation.CoapHandlerMethodReturnValueHandlerComposite;
import io.coapspring.server.invocation.CoapRequest;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.core.MethodParameter;

import static io.coapspring.server.invocation.support.Requests.returnType;
import static io.coapspring.server.invocation.support.Requests.view;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the built-in return value handlers, as {@link DefaultHandlerMethodResolvers} lists them.
 */
class ReturnValueHandlersTests {

	private final CoapHandlerMethodReturnValueHandlerComposite handlers = new CoapHandlerMethodReturnValueHandlerComposite(
			DefaultHandlerMethodResolvers.returnValueHandlers(List.of(), getClass().getClassLoader()));

	private final CoapRequest request = view(Request.newGet());

	private CoapResponseEntity<?> handle(String method, Object value) throws Exception {
		MethodParameter returnType = returnType(Handlers.class, method);
		assertThat(this.handlers.supportsReturnType(returnType)).isTrue();
		return this.handlers.handleReturnValue(value, returnType, this.request).toCompletableFuture().join();
	}

	@Test
	void entityIsReturnedAsItIs() throws Exception {
		CoapResponseEntity<String> entity = CoapResponseEntity.status(ResponseCode.CONFLICT).body("in use");
		assertThat(handle("entity", entity)).isSameAs(entity);
	}

	@Test
	void nullEntityIsTheDefaultCodeWithoutBody() throws Exception {
		CoapResponseEntity<?> entity = handle("entity", null);
		assertThat(entity.getCode()).isNull();
		assertThat(entity.hasBody()).isFalse();
	}

	@Test
	void voidIsTheDefaultCodeWithoutBody() throws Exception {
		assertThat(handle("nothing", null)).isEqualTo(CoapResponseEntity.ok().build());
	}

	@Test
	void pojoIsTheBodyWithTheDefaultCode() throws Exception {
		assertThat(handle("pojo", "hello")).isEqualTo(CoapResponseEntity.ok("hello"));
	}

	@Test
	void emptyOptionalIsNotFound() throws Exception {
		assertThat(handle("optional", Optional.empty()).getCode()).isEqualTo(ResponseCode.NOT_FOUND);
		assertThat(handle("optional", Optional.of("x"))).isEqualTo(CoapResponseEntity.ok("x"));
	}

	@Test
	void stageCompletesWithItsValue() throws Exception {
		assertThat(handle("stage", CompletableFuture.completedFuture(Optional.empty())).getCode())
			.isEqualTo(ResponseCode.NOT_FOUND);
	}

	@Test
	void monoCompletesWithItsValue() throws Exception {
		assertThat(handle("mono", Mono.just("m"))).isEqualTo(CoapResponseEntity.ok("m"));
	}

	@Test
	void coapMessagesAreNotPayloads() {
		assertThat(this.handlers.supportsReturnType(returnType(Handlers.class, "options"))).isFalse();
		assertThat(this.handlers.supportsReturnType(returnType(Handlers.class, "response"))).isFalse();
		assertThat(this.handlers.supportsReturnType(returnType(Handlers.class, "stageOfResponse"))).isFalse();
	}

	@Test
	void applicationHandlersComeFirst() throws Exception {
		CoapHandlerMethodReturnValueHandler strings = new CoapHandlerMethodReturnValueHandler() {

			@Override
			public boolean supportsReturnType(MethodParameter returnType) {
				return returnType.getParameterType() == String.class;
			}

			@Override
			public CompletionStage<CoapResponseEntity<?>> handleReturnValue(Object returnValue,
					MethodParameter returnType, CoapRequest request) {
				return CompletableFuture.completedFuture(CoapResponseEntity.changed().body("custom"));
			}

		};
		CoapHandlerMethodReturnValueHandlerComposite composite = new CoapHandlerMethodReturnValueHandlerComposite(
				DefaultHandlerMethodResolvers.returnValueHandlers(List.of(strings), getClass().getClassLoader()));
		assertThat(composite.handleReturnValue("x", returnType(Handlers.class, "pojo"), this.request)
			.toCompletableFuture()
			.join()
			.getBody()).isEqualTo("custom");
	}

	static class Handlers {

		CoapResponseEntity<String> entity() {
			return CoapResponseEntity.ok("x");
		}

		void nothing() {
		}

		String pojo() {
			return "x";
		}

		Optional<String> optional() {
			return Optional.empty();
		}

		CompletionStage<Optional<String>> stage() {
			return CompletableFuture.completedFuture(Optional.empty());
		}

		Mono<String> mono() {
			return Mono.empty();
		}

		OptionSet options() {
			return new OptionSet();
		}

		Response response() {
			return new Response(ResponseCode.CONTENT);
		}

		CompletionStage<Response> stageOfResponse() {
			return CompletableFuture.completedFuture(new Response(ResponseCode.CONTENT));
		}

	}

}
