package io.coapspring.server.invocation.support;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.invocation.CoapHandlerMethodReturnValueHandler;
import io.coapspring.server.invocation.CoapRequest;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.ReactiveAdapterRegistry;

/**
 * Handles any other return value as the response body (a POJO, a {@code String}, a {@code byte[]}), written
 * by the converter negotiated from the Accept option and the mapping's {@code produces}, with the default code;
 * {@code null} is a response without payload. Reactive types are not payloads: streams (for instance Reactor's
 * {@code Flux}) are handled by the {@link io.coapspring.server.invocation.CoapHandlerAdapter} before any return
 * value handler, and a reactive type nested in another one fails the start-up rather than be serialized as an
 * object. Neither are CoAP messages and their parts (Californium's {@code Request}, {@code Response},
 * {@code OptionSet}, {@code Option}, {@code CoapResponse}, exchanges, a {@link CoapRequest}): a handler method
 * declared to return one fails the start-up instead of answering with a dump of the object; the code and options
 * of a response are set with a {@link CoapResponseEntity}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class PayloadReturnValueHandler implements CoapHandlerMethodReturnValueHandler {

	private static final List<Class<?>> MESSAGE_TYPES = List.of(Message.class, OptionSet.class, Option.class,
			CoapResponse.class, Exchange.class, CoapExchange.class, CoapRequest.class);

	private final ReactiveAdapterRegistry reactiveAdapters = ReactiveAdapterRegistry.getSharedInstance();

	@Override
	public boolean supportsReturnType(MethodParameter returnType) {
		Class<?> type = returnType.getNestedParameterType();
		return type != void.class && type != Void.class && this.reactiveAdapters.getAdapter(type) == null
				&& !isMessage(type);
	}

	private static boolean isMessage(Class<?> type) {
		for (Class<?> message : MESSAGE_TYPES) {
			if (message.isAssignableFrom(type)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public CompletionStage<CoapResponseEntity<?>> handleReturnValue(@Nullable Object returnValue,
			MethodParameter returnType, CoapRequest request) {
		if (returnValue instanceof CoapResponseEntity<?> entity) {
			return CompletableFuture.completedFuture(entity);
		}
		return CompletableFuture.completedFuture(CoapResponseEntity.ok(returnValue));
	}

}
