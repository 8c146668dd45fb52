package io.coapspring.server.invocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import io.coapspring.convert.CoapResponseEntity;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.util.Assert;

/**
 * Handles return values by delegating to a list of {@link CoapHandlerMethodReturnValueHandler}s, remembering
 * which handler supports each return type. Wrapping handlers ({@code Optional}, {@code CompletionStage},
 * {@code Mono}) are created with this composite so they can pass the nested value on.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapHandlerMethodReturnValueHandlerComposite implements CoapHandlerMethodReturnValueHandler {

	private final List<CoapHandlerMethodReturnValueHandler> handlers;

	private final Map<MethodParameter, CoapHandlerMethodReturnValueHandler> cache = new ConcurrentHashMap<>(256);

	/**
	 * Create a composite.
	 * @param handlers factories of the handlers, in the order they are consulted; each receives this
	 * composite, for handlers that delegate a nested value
	 */
	public CoapHandlerMethodReturnValueHandlerComposite(List<HandlerFactory> handlers) {
		Assert.notNull(handlers, "'handlers' must not be null");
		List<CoapHandlerMethodReturnValueHandler> created = new ArrayList<>(handlers.size());
		for (HandlerFactory factory : handlers) {
			created.add(factory.create(this));
		}
		this.handlers = List.copyOf(created);
	}

	/**
	 * Return the handlers, in the order they are consulted.
	 * @return the handlers
	 */
	public List<CoapHandlerMethodReturnValueHandler> getHandlers() {
		return Collections.unmodifiableList(new ArrayList<>(this.handlers));
	}

	@Override
	public boolean supportsReturnType(MethodParameter returnType) {
		return getHandler(returnType) != null;
	}

	@Override
	public CompletionStage<CoapResponseEntity<?>> handleReturnValue(@Nullable Object returnValue,
			MethodParameter returnType, CoapRequest request) throws Exception {
		CoapHandlerMethodReturnValueHandler handler = getHandler(returnType);
		if (handler == null) {
			throw new IllegalStateException("No CoapHandlerMethodReturnValueHandler for return type "
					+ returnType.getNestedParameterType().getName() + " of " + returnType.getExecutable());
		}
		return handler.handleReturnValue(returnValue, returnType, request);
	}

	/**
	 * Creates a handler of the composite, given the composite to delegate nested values to.
	 */
	@FunctionalInterface
	public interface HandlerFactory {

		/**
		 * Create the handler.
		 * @param composite the composite the handler belongs to
		 * @return the handler
		 */
		CoapHandlerMethodReturnValueHandler create(CoapHandlerMethodReturnValueHandler composite);

	}

	private @Nullable CoapHandlerMethodReturnValueHandler getHandler(MethodParameter returnType) {
		CoapHandlerMethodReturnValueHandler handler = this.cache.get(returnType);
		if (handler == null) {
			for (CoapHandlerMethodReturnValueHandler candidate : this.handlers) {
				if (candidate.supportsReturnType(returnType)) {
					handler = candidate;
					this.cache.put(returnType, candidate);
					break;
				}
			}
		}
		return handler;
	}

}
