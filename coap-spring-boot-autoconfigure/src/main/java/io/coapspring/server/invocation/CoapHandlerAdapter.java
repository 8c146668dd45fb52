package io.coapspring.server.invocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Flow;

import io.coapspring.annotation.CoapExceptionHandler;
import io.coapspring.annotation.CoapResponseStatus;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.mapping.CoapHandlerMapping;
import io.coapspring.server.mapping.CoapHandlerMethod;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.util.Assert;

/**
 * Runs one handler method for a request and produces the response: resolves the arguments, invokes the
 * method, turns the return value into a {@link CoapResponseEntity} (possibly asynchronously) and writes it. A
 * failure anywhere on the way goes to the matching {@code @CoapExceptionHandler} method, whose result is written
 * the same way, or else to the error mapping of {@link CoapErrorResponses}. The {@link CoapHandlerInterceptor}s wrap
 * the resolution of the arguments and the call of every handler and exception handler method.
 * <p>
 * A handler method that returns a stream ({@code Flow.Publisher}, or a multi-value type of Spring's
 * {@code ReactiveAdapterRegistry} such as Reactor's {@code Flux}) produces a response per element, each written as a
 * return value of the element type would be: an observer is notified of each, a plain request is answered with
 * the first.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapHandlerAdapter {

	private static final Log logger = LogFactory.getLog(CoapHandlerAdapter.class);

	private final CoapHandlerMethodArgumentResolverComposite argumentResolvers;

	private final CoapHandlerMethodReturnValueHandlerComposite returnValueHandlers;

	private final CoapExceptionHandlers exceptionHandlers;

	private final CoapResponseWriter writer;

	private final CoapErrorResponses errorResponses;

	private final List<CoapHandlerInterceptor> interceptors;

	/**
	 * What a request needs to know of a handler method, worked out on its first request rather than on each.
	 */
	private final Map<CoapHandlerMethod, HandlerPlan> plans = new ConcurrentHashMap<>();

	private final CoapResponseStreams streams = new CoapResponseStreams();

	/**
	 * Create an adapter.
	 * @param argumentResolvers the argument resolvers
	 * @param returnValueHandlers the return value handlers
	 * @param exceptionHandlers the exception handler methods
	 * @param writer the response writer
	 * @param errorResponses the error responses for unhandled exceptions
	 */
	public CoapHandlerAdapter(CoapHandlerMethodArgumentResolverComposite argumentResolvers,
			CoapHandlerMethodReturnValueHandlerComposite returnValueHandlers, CoapExceptionHandlers exceptionHandlers,
			CoapResponseWriter writer, CoapErrorResponses errorResponses) {
		this(argumentResolvers, returnValueHandlers, exceptionHandlers, writer, errorResponses, List.of());
	}

	/**
	 * Create an adapter with interceptors.
	 * @param argumentResolvers the argument resolvers
	 * @param returnValueHandlers the return value handlers
	 * @param exceptionHandlers the exception handler methods
	 * @param writer the response writer
	 * @param errorResponses the error responses for unhandled exceptions
	 * @param interceptors the interceptors of every invocation, the first one outermost
	 */
	public CoapHandlerAdapter(CoapHandlerMethodArgumentResolverComposite argumentResolvers,
			CoapHandlerMethodReturnValueHandlerComposite returnValueHandlers, CoapExceptionHandlers exceptionHandlers,
			CoapResponseWriter writer, CoapErrorResponses errorResponses, List<CoapHandlerInterceptor> interceptors) {
		Assert.notNull(argumentResolvers, "'argumentResolvers' must not be null");
		Assert.notNull(returnValueHandlers, "'returnValueHandlers' must not be null");
		Assert.notNull(exceptionHandlers, "'exceptionHandlers' must not be null");
		Assert.notNull(writer, "'writer' must not be null");
		Assert.notNull(errorResponses, "'errorResponses' must not be null");
		Assert.noNullElements(interceptors, "'interceptors' must not contain null elements");
		this.argumentResolvers = argumentResolvers;
		this.returnValueHandlers = returnValueHandlers;
		this.exceptionHandlers = exceptionHandlers;
		this.writer = writer;
		this.errorResponses = errorResponses;
		this.interceptors = List.copyOf(interceptors);
	}

	/**
	 * Return the argument resolvers.
	 * @return the argument resolvers
	 */
	public CoapHandlerMethodArgumentResolverComposite getArgumentResolvers() {
		return this.argumentResolvers;
	}

	/**
	 * Return the return value handlers.
	 * @return the return value handlers
	 */
	public CoapHandlerMethodReturnValueHandlerComposite getReturnValueHandlers() {
		return this.returnValueHandlers;
	}

	/**
	 * Return the exception handler methods.
	 * @return the exception handlers
	 */
	public CoapExceptionHandlers getExceptionHandlers() {
		return this.exceptionHandlers;
	}

	/**
	 * Return the interceptors.
	 * @return the interceptors, the first one outermost
	 */
	public List<CoapHandlerInterceptor> getInterceptors() {
		return this.interceptors;
	}

	/**
	 * Check that every parameter and the return type of a handler or exception handler method are supported.
	 * @param handlerMethod the method
	 * @throws IllegalStateException naming the method and what is not supported
	 */
	public void checkSupported(CoapHandlerMethod handlerMethod) {
		boolean exceptionHandler = handlerMethod.hasMethodAnnotation(CoapExceptionHandler.class);
		for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
			boolean provided = exceptionHandler && Throwable.class.isAssignableFrom(parameter.getParameterType());
			if (!provided && !this.argumentResolvers.supportsParameter(parameter)) {
				throw new IllegalStateException("Unsupported parameter '" + parameter.getParameterName() + "' of type "
						+ parameter.getGenericParameterType().getTypeName() + " in CoAP handler method "
						+ handlerMethod.getShortDescription()
						+ ": annotate it (@CoapPathVariable, @CoapQueryParam, @CoapOption, @CoapPayload) or declare a"
						+ " CoapHandlerMethodArgumentResolver bean that supports it");
			}
		}
		if (this.streams.isStream(handlerMethod.getReturnType())) {
			MethodParameter elementType = handlerMethod.getReturnType().nested();
			if (!this.returnValueHandlers.supportsReturnType(elementType)) {
				throw new IllegalStateException("Unsupported element type "
						+ elementType.getNestedGenericParameterType().getTypeName() + " of the stream returned by CoAP"
						+ " handler method " + handlerMethod.getShortDescription()
						+ ": declare a CoapHandlerMethodReturnValueHandler bean that supports it");
			}
			return;
		}
		if (!this.returnValueHandlers.supportsReturnType(handlerMethod.getReturnType())) {
			throw new IllegalStateException("Unsupported return type "
					+ handlerMethod.getReturnType().getGenericParameterType().getTypeName() + " of CoAP handler method "
					+ handlerMethod.getShortDescription() + ": return the body, or a "
					+ CoapResponseEntity.class.getName() + " for the code and options, or declare a"
					+ " CoapHandlerMethodReturnValueHandler bean that supports it");
		}
	}

	/**
	 * Handle a request with a handler method. A handler method that returns a stream is answered with its first
	 * element (an empty response for an empty stream) and the stream is cancelled.
	 * @param mapping the mapping selected for the request
	 * @param request the request
	 * @return a stage completed with the response to send; never completed exceptionally
	 */
	public CompletionStage<Response> handle(CoapHandlerMapping mapping, CoapRequest request) {
		return handleResult(mapping, request).thenApply(CoapHandlerResult::response);
	}

	/**
	 * Return whether the handler method of a mapping returns a stream of responses.
	 * @param mapping the mapping
	 * @return {@code true} for a stream
	 */
	public boolean isStream(CoapHandlerMapping mapping) {
		return plan(mapping.handlerMethod()).stream();
	}

	/**
	 * Handle a request with a handler method, keeping the body of the response.
	 * @param mapping the mapping selected for the request
	 * @param request the request
	 * @return a stage completed with the result; never completed exceptionally
	 */
	public CompletionStage<CoapHandlerResult> handleResult(CoapHandlerMapping mapping, CoapRequest request) {
		if (isStream(mapping)) {
			return first(mapping, request);
		}
		CoapHandlerMethod handlerMethod = mapping.handlerMethod();
		CoapResponseWriter.Hints hints = hints(mapping, request);
		return invoke(handlerMethod, request)
			.thenApply((entity) -> new CoapHandlerResult(this.writer.write(entity, request, hints), entity.getBody()))
			.exceptionallyCompose((ex) -> handleFailure(ex, mapping, request));
	}

	private CompletionStage<CoapHandlerResult> first(CoapHandlerMapping mapping, CoapRequest request) {
		CompletableFuture<CoapHandlerResult> first = new CompletableFuture<>();
		CoapResponseStreamSubscriber[] subscriber = new CoapResponseStreamSubscriber[1];
		subscriber[0] = subscribe(mapping, request, new CoapResultListener() {

			@Override
			public CompletionStage<@Nullable Void> onNext(CoapHandlerResult result) {
				first.complete(result);
				CoapResponseStreamSubscriber current = subscriber[0];
				if (current != null) {
					current.cancel();
				}
				return CompletableFuture.completedFuture(null);
			}

			@Override
			public void onEnd(@Nullable CoapHandlerResult failure) {
				if (failure != null) {
					first.complete(failure);
				}
				else if (!first.isDone()) {
					writeElement(mapping, request, null).thenAccept(first::complete);
				}
			}

		});
		if (first.isDone() && subscriber[0] != null) {
			subscriber[0].cancel();
		}
		return first;
	}

	/**
	 * Invoke a handler method that returns a stream and subscribe to the stream.
	 * @param mapping the mapping selected for the request
	 * @param request the request
	 * @param listener receives a result per element and the end of the stream
	 * @return the subscriber, to cancel the stream, or {@code null} if the method failed (the listener received
	 * the end)
	 */
	public @Nullable CoapResponseStreamSubscriber subscribe(CoapHandlerMapping mapping, CoapRequest request,
			CoapResultListener listener) {
		CoapHandlerMethod handlerMethod = mapping.handlerMethod();
		Flow.Publisher<@Nullable Object> publisher;
		try {
			Object returnValue = intercepted(plan(handlerMethod), request, new Object[0]);
			if (returnValue == null) {
				throw new IllegalStateException("Handler method " + handlerMethod.getShortDescription()
						+ " returned null instead of a stream");
			}
			publisher = this.streams.toPublisher(returnValue);
		}
		catch (Throwable ex) {
			handleFailure(ex, mapping, request).thenAccept(listener::onEnd);
			return null;
		}
		CoapResponseStreamSubscriber subscriber = new CoapResponseStreamSubscriber(this, mapping, request, listener);
		try {
			publisher.subscribe(subscriber);
		}
		catch (RuntimeException ex) {
			subscriber.onError(ex);
		}
		return subscriber;
	}

	/**
	 * Write an element of the stream a handler method returned, as the handler method's value would be.
	 * @param mapping the mapping of the handler method
	 * @param request the request
	 * @param element the element, {@code null} for an empty response
	 * @return a stage completed with the result, the exception handlers' if the element cannot be written;
	 * never completed exceptionally
	 */
	CompletionStage<CoapHandlerResult> writeElement(CoapHandlerMapping mapping, CoapRequest request,
			@Nullable Object element) {
		MethodParameter elementType = mapping.handlerMethod().getReturnType().nested();
		CoapResponseWriter.Hints hints = hints(mapping, request);
		try {
			return this.returnValueHandlers.handleReturnValue(element, elementType, request)
				.thenApply((entity) -> new CoapHandlerResult(this.writer.write(entity, request, hints), entity.getBody()))
				.exceptionallyCompose((ex) -> handleFailure(ex, mapping, request));
		}
		catch (Throwable ex) {
			return handleFailure(ex, mapping, request);
		}
	}

	/**
	 * Write a value pushed to the observers of a mapping, as the handler method's return value would be, without
	 * invoking the handler method.
	 * @param mapping the observed mapping
	 * @param request the observer's registration request
	 * @param value the value, or a {@link CoapResponseEntity}
	 * @return the result, an error response if the value cannot be written for the request
	 */
	public CoapHandlerResult write(CoapHandlerMapping mapping, CoapRequest request, @Nullable Object value) {
		CoapResponseEntity<?> entity = (value instanceof CoapResponseEntity<?> given) ? given : CoapResponseEntity.ok(value);
		try {
			return new CoapHandlerResult(this.writer.write(entity, request, hints(mapping, request)), entity.getBody());
		}
		catch (RuntimeException ex) {
			return new CoapHandlerResult(this.errorResponses.create(ex, request), null);
		}
	}

	/**
	 * Answer a failure of a handler method with its exception handlers.
	 * @param failure the failure, possibly wrapped in a {@code CompletionException}
	 * @param mapping the mapping of the handler method
	 * @param request the request
	 * @return a stage completed with the error result; never completed exceptionally
	 */
	CompletionStage<CoapHandlerResult> handleFailure(Throwable failure, CoapHandlerMapping mapping,
			CoapRequest request) {
		return handleException(CoapErrorResponses.unwrap(failure), mapping.handlerMethod(), request)
			.thenApply((response) -> new CoapHandlerResult(response, null));
	}

	private CoapResponseWriter.Hints hints(CoapHandlerMapping mapping, CoapRequest request) {
		return CoapResponseWriter.Hints.of(mapping.info(),
				defaultCode(mapping.handlerMethod(), CoapResponseWriter.defaultCode(request.getMethod())));
	}

	private CompletionStage<CoapResponseEntity<?>> invoke(CoapHandlerMethod handlerMethod, CoapRequest request,
			Object... providedArgs) {
		try {
			Object returnValue = intercepted(plan(handlerMethod), request, providedArgs);
			return this.returnValueHandlers.handleReturnValue(returnValue, handlerMethod.getReturnType(), request);
		}
		catch (Throwable ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private @Nullable Object intercepted(HandlerPlan plan, CoapRequest request, Object[] providedArgs)
			throws Exception {
		if (plan.interceptors().length == 0) {
			return plan.invocable().invoke(request, providedArgs);
		}
		return intercepted(0, plan, request, providedArgs);
	}

	private @Nullable Object intercepted(int index, HandlerPlan plan, CoapRequest request, Object[] providedArgs)
			throws Exception {
		CoapHandlerInterceptor[] interceptors = plan.interceptors();
		if (index == interceptors.length) {
			return plan.invocable().invoke(request, providedArgs);
		}
		return interceptors[index].intercept(request, plan.invocable().getHandlerMethod(),
				() -> intercepted(index + 1, plan, request, providedArgs));
	}

	private HandlerPlan plan(CoapHandlerMethod handlerMethod) {
		HandlerPlan plan = this.plans.get(handlerMethod);
		if (plan != null) {
			return plan;
		}
		return this.plans.computeIfAbsent(handlerMethod, (method) -> {
			CoapResponseStatus status = method.getMethodAnnotation(CoapResponseStatus.class);
			// once per method: the interceptors that apply to it, so that the others cost nothing per request
			CoapHandlerInterceptor[] interceptors = this.interceptors.stream()
				.filter((interceptor) -> interceptor.appliesTo(method))
				.toArray(CoapHandlerInterceptor[]::new);
			return new HandlerPlan(new CoapInvocableHandlerMethod(method, this.argumentResolvers),
					this.streams.isStream(method.getReturnType()), (status != null) ? status.value() : null,
					interceptors);
		});
	}

	private CompletionStage<Response> handleException(Throwable exception, CoapHandlerMethod handlerMethod,
			CoapRequest request) {
		CoapHandlerMethod exceptionHandler = this.exceptionHandlers.find(exception, handlerMethod);
		if (exceptionHandler == null) {
			return CompletableFuture.completedFuture(this.errorResponses.create(exception, request));
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Handling " + exception + " of " + handlerMethod.getShortDescription() + " with "
					+ exceptionHandler.getShortDescription());
		}
		CoapResponseWriter.Hints hints = CoapResponseWriter.Hints
			.of(defaultCode(exceptionHandler, ResponseCode.INTERNAL_SERVER_ERROR));
		Object[] provided = causes(exception);
		return invoke(exceptionHandler, request, provided)
			.thenApply((entity) -> this.writer.write(entity, request, hints))
			.exceptionally((ex) -> {
				Throwable failure = CoapErrorResponses.unwrap(ex);
				logger.error("Exception handler " + exceptionHandler.getShortDescription() + " failed while handling "
						+ exception, failure);
				return this.errorResponses.create(ResponseCode.INTERNAL_SERVER_ERROR, "Internal Server Error",
						request.getAccept());
			});
	}

	private static Object[] causes(Throwable exception) {
		List<Object> causes = new ArrayList<>();
		Throwable current = exception;
		while (current != null && !causes.contains(current)) {
			causes.add(current);
			current = current.getCause();
		}
		return causes.toArray();
	}

	private ResponseCode defaultCode(CoapHandlerMethod handlerMethod, ResponseCode fallback) {
		ResponseCode status = plan(handlerMethod).status();
		return (status != null) ? status : fallback;
	}

	/**
	 * What the adapter keeps of a handler method.
	 *
	 * @param invocable the method with its argument resolvers
	 * @param stream whether it returns a stream of responses
	 * @param status the code of its {@link CoapResponseStatus}, or {@code null} if it has none
	 */
	private record HandlerPlan(CoapInvocableHandlerMethod invocable, boolean stream, @Nullable ResponseCode status,
			CoapHandlerInterceptor[] interceptors) {
	}

}
