package io.coapspring.server.invocation;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.coapspring.server.mapping.CoapHandlerMethod;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The exception handler methods of an application: those of each controller and those of the
 * {@link CoapControllerAdviceBean}s, consulted in that order.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapExceptionHandlers {

	private final Map<Class<?>, CoapExceptionHandlerMethodResolver> controllerResolvers = new ConcurrentHashMap<>();

	private volatile List<CoapControllerAdviceBean> advice = List.of();

	/**
	 * Set the advice beans.
	 * @param advice the advice beans, in the order they are consulted
	 */
	public void setAdvice(List<CoapControllerAdviceBean> advice) {
		Assert.notNull(advice, "'advice' must not be null");
		this.advice = List.copyOf(advice);
	}

	/**
	 * Return the advice beans.
	 * @return the advice beans, in the order they are consulted
	 */
	public List<CoapControllerAdviceBean> getAdvice() {
		return this.advice;
	}

	/**
	 * Find the exception handler methods of a controller class, checking them.
	 * @param controllerType the user class of a controller
	 * @return the resolver of its exception handler methods
	 * @throws IllegalStateException if its exception handler methods are ambiguous
	 */
	public CoapExceptionHandlerMethodResolver forController(Class<?> controllerType) {
		return this.controllerResolvers.computeIfAbsent(controllerType, CoapExceptionHandlerMethodResolver::new);
	}

	/**
	 * Find the exception handler method for an exception thrown by a handler method.
	 * @param exception the exception
	 * @param handlerMethod the handler method that threw it
	 * @return the exception handler method, or {@code null} if none handles the exception
	 */
	public @Nullable CoapHandlerMethod find(Throwable exception, CoapHandlerMethod handlerMethod) {
		Class<?> controllerType = handlerMethod.getBeanType();
		Method method = forController(controllerType).resolveMethod(exception);
		if (method != null) {
			return new CoapHandlerMethod(handlerMethod.getBean(), method);
		}
		for (CoapControllerAdviceBean adviceBean : this.advice) {
			if (adviceBean.isApplicableTo(controllerType)) {
				method = adviceBean.getResolver().resolveMethod(exception);
				if (method != null) {
					return new CoapHandlerMethod(adviceBean.getBean(), method);
				}
			}
		}
		return null;
	}

}
