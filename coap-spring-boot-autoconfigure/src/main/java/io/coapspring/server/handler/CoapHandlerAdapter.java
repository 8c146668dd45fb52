package io.coapspring.server.handler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import io.coapspring.annotation.CoapExceptionHandler;
import io.coapspring.annotation.CoapResponseStatus;
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

	private final Map<CoapHandlerMethod, CoapInvocableHandlerMethod> invocables = new ConcurrentHashMap<>();

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
		if (!this.returnValueHandlers.supportsReturnType(handlerMethod.getReturnType())) {
			throw new IllegalStateException("Unsupported return type "
					+ handlerMethod.getReturnType().getGenericParameterType().getTypeName() + " of CoAP handler method "
					+ handlerMethod.getShortDescription()
					+ ": declare a CoapHandlerMethodReturnValueHandler bean that supports it");
		}
	}

	/**
	 * Handle a request with a handler method.
	 * @param mapping the mapping selected for the request
	 * @param request the request
	 * @return a stage completed with the response to send; never completed exceptionally
	 */
	public CompletionStage<Response> handle(CoapHandlerMapping mapping, CoapRequest request) {
		CoapHandlerMethod handlerMethod = mapping.handlerMethod();
		CoapResponseWriter.Hints hints = CoapResponseWriter.Hints.of(mapping.info(),
				defaultCode(handlerMethod, CoapResponseWriter.defaultCode(request.getMethod())));
		return invoke(handlerMethod, request)
			.thenApply((entity) -> this.writer.write(entity, request, hints))
			.exceptionallyCompose((ex) -> handleException(CoapErrorResponses.unwrap(ex), handlerMethod, request));
	}

	private CompletionStage<CoapResponseEntity<?>> invoke(CoapHandlerMethod handlerMethod, CoapRequest request,
			Object... providedArgs) {
		try {
			Object returnValue = intercepted(0, invocable(handlerMethod), request, providedArgs);
			return this.returnValueHandlers.handleReturnValue(returnValue, handlerMethod.getReturnType(), request);
		}
		catch (Throwable ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private @Nullable Object intercepted(int index, CoapInvocableHandlerMethod invocable, CoapRequest request,
			Object[] providedArgs) throws Exception {
		if (index == this.interceptors.size()) {
			return invocable.invoke(request, providedArgs);
		}
		return this.interceptors.get(index)
			.intercept(request, invocable.getHandlerMethod(),
					() -> intercepted(index + 1, invocable, request, providedArgs));
	}

	private CoapInvocableHandlerMethod invocable(CoapHandlerMethod handlerMethod) {
		return this.invocables.computeIfAbsent(handlerMethod,
				(method) -> new CoapInvocableHandlerMethod(method, this.argumentResolvers));
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

	private static ResponseCode defaultCode(CoapHandlerMethod handlerMethod, ResponseCode fallback) {
		CoapResponseStatus status = handlerMethod.getMethodAnnotation(CoapResponseStatus.class);
		return (status != null) ? status.value() : fallback;
	}

}
