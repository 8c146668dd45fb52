package io.coapspring.server.invocation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.coapspring.annotation.CoapExceptionHandler;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ExceptionDepthComparator;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;

/**
 * Finds the {@link CoapExceptionHandler @CoapExceptionHandler} methods of one class and picks the one for an
 * exception: the method mapped to the closest superclass of the exception, or else of its cause.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapExceptionHandlerMethodResolver {

	private final Map<Class<? extends Throwable>, Method> mappedMethods = new HashMap<>();

	private final Map<Class<? extends Throwable>, Optional<Method>> cache = new ConcurrentHashMap<>(16);

	/**
	 * Find the exception handler methods of a class.
	 * @param type the class, a controller or a controller advice
	 * @throws IllegalStateException if a method handles no exception type or two methods handle the same one
	 */
	public CoapExceptionHandlerMethodResolver(Class<?> type) {
		Assert.notNull(type, "'type' must not be null");
		Map<Method, CoapExceptionHandler> methods = MethodIntrospector.selectMethods(type,
				(MethodIntrospector.MetadataLookup<CoapExceptionHandler>) (method) -> AnnotatedElementUtils
					.findMergedAnnotation(method, CoapExceptionHandler.class));
		methods.forEach((method, annotation) -> {
			for (Class<? extends Throwable> exceptionType : exceptionTypes(method, annotation)) {
				Method existing = this.mappedMethods.put(exceptionType, method);
				if (existing != null && !existing.equals(method)) {
					throw new IllegalStateException("Ambiguous @CoapExceptionHandler methods for "
							+ exceptionType.getName() + ": " + describe(existing) + " and " + describe(method));
				}
			}
		});
	}

	@SuppressWarnings("unchecked")
	private static List<Class<? extends Throwable>> exceptionTypes(Method method, CoapExceptionHandler annotation) {
		List<Class<? extends Throwable>> types = new ArrayList<>(Arrays.asList(annotation.value()));
		if (types.isEmpty()) {
			for (Class<?> parameterType : method.getParameterTypes()) {
				if (Throwable.class.isAssignableFrom(parameterType)) {
					types.add((Class<? extends Throwable>) parameterType);
				}
			}
		}
		if (types.isEmpty()) {
			throw new IllegalStateException("@CoapExceptionHandler method " + describe(method)
					+ " names no exception type: list them in the annotation or declare an exception parameter");
		}
		return types;
	}

	private static String describe(Method method) {
		return method.getDeclaringClass().getSimpleName() + "#" + method.getName();
	}

	/**
	 * Return the exception handler methods.
	 * @return the methods, each once
	 */
	public java.util.Set<Method> getMethods() {
		return new java.util.LinkedHashSet<>(this.mappedMethods.values());
	}

	/**
	 * Return whether the class has exception handler methods.
	 * @return {@code true} if it has at least one
	 */
	public boolean hasExceptionMappings() {
		return !this.mappedMethods.isEmpty();
	}

	/**
	 * Find the method for an exception, or else for its causes.
	 * @param exception the exception
	 * @return the method, or {@code null} if none handles the exception
	 */
	public @Nullable Method resolveMethod(Throwable exception) {
		Throwable current = exception;
		while (current != null) {
			Method method = resolveMethodByExceptionType(current.getClass());
			if (method != null) {
				return method;
			}
			current = (current.getCause() != current) ? current.getCause() : null;
		}
		return null;
	}

	private @Nullable Method resolveMethodByExceptionType(Class<? extends Throwable> exceptionType) {
		return this.cache.computeIfAbsent(exceptionType, (type) -> Optional.ofNullable(closest(type))).orElse(null);
	}

	private @Nullable Method closest(Class<? extends Throwable> exceptionType) {
		List<Class<? extends Throwable>> matches = new ArrayList<>();
		for (Class<? extends Throwable> mapped : this.mappedMethods.keySet()) {
			if (mapped.isAssignableFrom(exceptionType)) {
				matches.add(mapped);
			}
		}
		if (matches.isEmpty()) {
			return null;
		}
		matches.sort(new ExceptionDepthComparator(exceptionType));
		return this.mappedMethods.get(matches.get(0));
	}

}
