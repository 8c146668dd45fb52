package io.coapspring.server.invocation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import io.coapspring.server.mapping.CoapHandlerMethod;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;

/**
 * Invokes a {@link CoapHandlerMethod} for a request: resolves each argument, from the provided values first
 * (for instance the exception of an exception handler) and then through the argument resolvers, and calls the
 * method.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapInvocableHandlerMethod {

	private final CoapHandlerMethod handlerMethod;

	private final CoapHandlerMethodArgumentResolver resolvers;

	/** The resolver of each parameter, found once, so that invocations look none up. */
	private final CoapHandlerMethodArgumentResolver[] parameterResolvers;

	/**
	 * Create an invocable method.
	 * @param handlerMethod the handler method
	 * @param resolvers the argument resolvers
	 */
	public CoapInvocableHandlerMethod(CoapHandlerMethod handlerMethod, CoapHandlerMethodArgumentResolver resolvers) {
		Assert.notNull(handlerMethod, "'handlerMethod' must not be null");
		Assert.notNull(resolvers, "'resolvers' must not be null");
		this.handlerMethod = handlerMethod;
		this.resolvers = resolvers;
		this.parameterResolvers = parameterResolvers(handlerMethod.getMethodParameters(), resolvers);
		ReflectionUtils.makeAccessible(handlerMethod.getInvocableMethod());
	}

	/**
	 * Return the handler method.
	 * @return the handler method
	 */
	public CoapHandlerMethod getHandlerMethod() {
		return this.handlerMethod;
	}

	/**
	 * Resolve the arguments and invoke the method.
	 * @param request the request
	 * @param providedArgs values matched by type to parameters before the resolvers are asked
	 * @return the return value, {@code null} for {@code void}
	 * @throws Exception what argument resolution or the method threw
	 */
	public @Nullable Object invoke(CoapRequest request, @Nullable Object... providedArgs) throws Exception {
		MethodParameter[] parameters = this.handlerMethod.getMethodParameters();
		CoapHandlerMethodArgumentResolver[] perParameter = this.parameterResolvers;
		Object[] args = new Object[parameters.length];
		for (int i = 0; i < parameters.length; i++) {
			Object provided = findProvided(parameters[i], providedArgs);
			args[i] = (provided != null) ? provided : perParameter[i].resolveArgument(parameters[i], request);
		}
		Method method = this.handlerMethod.getInvocableMethod();
		try {
			return method.invoke(this.handlerMethod.getBean(), args);
		}
		catch (InvocationTargetException ex) {
			Throwable target = ex.getTargetException();
			if (target instanceof Exception exception) {
				throw exception;
			}
			if (target instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException("Handler method " + this.handlerMethod + " threw " + target, target);
		}
	}

	// a composite's lookup per parameter compares MethodParameters in full on every request: done once here; a
	// parameter no resolver supports keeps the composite, whose resolveArgument says so
	private static CoapHandlerMethodArgumentResolver[] parameterResolvers(MethodParameter[] parameters,
			CoapHandlerMethodArgumentResolver resolvers) {
		CoapHandlerMethodArgumentResolver[] perParameter = new CoapHandlerMethodArgumentResolver[parameters.length];
		for (int i = 0; i < parameters.length; i++) {
			CoapHandlerMethodArgumentResolver resolver = null;
			if (resolvers instanceof CoapHandlerMethodArgumentResolverComposite composite) {
				resolver = composite.getResolver(parameters[i]);
			}
			perParameter[i] = (resolver != null) ? resolver : resolvers;
		}
		return perParameter;
	}

	private static @Nullable Object findProvided(MethodParameter parameter, @Nullable Object[] providedArgs) {
		if (providedArgs == null) {
			return null;
		}
		for (Object provided : providedArgs) {
			if (provided != null && parameter.getParameterType().isInstance(provided)) {
				return provided;
			}
		}
		return null;
	}

}
