package io.coapspring.client.service;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.coapspring.client.CoapOperations;
import io.coapspring.client.CoapRequestEntity;
import io.coapspring.client.service.annotation.CoapExchange;
import io.coapspring.convert.CoapResponseEntity;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.jspecify.annotations.Nullable;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import org.springframework.util.StringValueResolver;

/**
 * One method of a declarative client: what its exchange annotations declare, how its arguments are
 * resolved, and how the response is returned. Built and checked when the proxy is created.
 *
 * @author CoAP Spring Boot team
 */
final class CoapServiceMethod {

	private static final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private final Method method;

	private final Code code;

	private final String url;

	private final @Nullable String accept;

	private final @Nullable String contentFormat;

	private final CoapExchange.MessageType type;

	private final MethodParameter[] parameters;

	private final List<CoapServiceArgumentResolver> resolvers;

	private final ResponseHandling response;

	CoapServiceMethod(Method method, Class<?> serviceType, List<CoapServiceArgumentResolver> resolvers,
			@Nullable StringValueResolver valueResolver) {
		this.method = method;
		this.resolvers = resolvers;
		CoapExchange typeExchange = AnnotatedElementUtils.findMergedAnnotation(serviceType, CoapExchange.class);
		CoapExchange methodExchange = AnnotatedElementUtils.findMergedAnnotation(method, CoapExchange.class);
		if (methodExchange == null) {
			throw new IllegalStateException("Method " + method.toGenericString()
					+ " of a CoAP client interface needs an exchange annotation such as @CoapGetExchange");
		}
		this.code = code(method, typeExchange, methodExchange);
		this.url = combine((typeExchange != null) ? resolve(typeExchange.url(), valueResolver) : "",
				resolve(methodExchange.url(), valueResolver));
		this.accept = pick(methodExchange.accept(), (typeExchange != null) ? typeExchange.accept() : "", valueResolver);
		this.contentFormat = pick(methodExchange.contentFormat(),
				(typeExchange != null) ? typeExchange.contentFormat() : "", valueResolver);
		this.type = (methodExchange.type() != CoapExchange.MessageType.DEFAULT || typeExchange == null)
				? methodExchange.type() : typeExchange.type();
		this.parameters = new MethodParameter[method.getParameterCount()];
		for (int i = 0; i < this.parameters.length; i++) {
			MethodParameter parameter = new MethodParameter(method, i).withContainingClass(serviceType);
			parameter.initParameterNameDiscovery(parameterNames);
			this.parameters[i] = parameter;
		}
		this.response = ResponseHandling.of(method, serviceType);
	}

	Method getMethod() {
		return this.method;
	}

	@Nullable Object invoke(CoapOperations operations, @Nullable Object[] arguments) {
		CoapRequestEntity<?> request = request(arguments);
		return this.response.execute(operations, request);
	}

	CoapRequestEntity<?> request(@Nullable Object[] arguments) {
		CoapRequestValues values = new CoapRequestValues();
		for (int i = 0; i < this.parameters.length; i++) {
			resolveArgument((arguments != null) ? arguments[i] : null, this.parameters[i], values);
		}
		URI uri = values.getUri();
		StringBuilder template = new StringBuilder((uri != null) ? uri.toString() : this.url);
		Map<String, Object> variables = new LinkedHashMap<>(values.getUriVariables());
		int index = 0;
		for (Map.Entry<String, String> param : values.getQueryParams()) {
			boolean first = index == 0 && template.indexOf("?") < 0;
			template.append(first ? '?' : '&').append("{__coapQueryName").append(index).append("}={__coapQueryValue")
				.append(index).append('}');
			variables.put("__coapQueryName" + index, param.getKey());
			variables.put("__coapQueryValue" + index, param.getValue());
			index++;
		}
		CoapRequestEntity.Builder builder = CoapRequestEntity.method(this.code, template.toString(), variables);
		if (this.accept != null) {
			builder.accept(this.accept);
		}
		if (this.contentFormat != null) {
			builder.contentFormat(this.contentFormat);
		}
		if (this.type != CoapExchange.MessageType.DEFAULT) {
			builder.confirmable(this.type == CoapExchange.MessageType.CON);
		}
		for (CoapRequestEntity.OptionValue option : values.getOptions()) {
			if (option.name() != null) {
				builder.option(option.name(), option.value());
			}
			else {
				builder.option(option.number(), option.value());
			}
		}
		return builder.body(values.getPayload());
	}

	private void resolveArgument(@Nullable Object argument, MethodParameter parameter, CoapRequestValues values) {
		for (CoapServiceArgumentResolver resolver : this.resolvers) {
			if (resolver.resolve(argument, parameter, values)) {
				return;
			}
		}
		throw new IllegalStateException("Could not resolve parameter " + parameter.getParameterIndex() + " ("
				+ parameter.getParameterName() + ") of " + this.method.toGenericString()
				+ ": annotate it with @CoapPathVariable, @CoapQueryParam, @CoapPayload or @CoapOption");
	}

	private static Code code(Method method, @Nullable CoapExchange typeExchange, CoapExchange methodExchange) {
		String name = StringUtils.hasText(methodExchange.method()) ? methodExchange.method()
				: (typeExchange != null) ? typeExchange.method() : "";
		if (!StringUtils.hasText(name)) {
			throw new IllegalStateException("No CoAP method for " + method.toGenericString()
					+ ": use @CoapGetExchange and friends, or set @CoapExchange(method = ...)");
		}
		try {
			return Code.valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Unknown CoAP method '" + name + "' on " + method.toGenericString(), ex);
		}
	}

	private static String resolve(String value, @Nullable StringValueResolver valueResolver) {
		if (valueResolver == null || !StringUtils.hasText(value)) {
			return value;
		}
		String resolved = valueResolver.resolveStringValue(value);
		return (resolved != null) ? resolved : value;
	}

	private static @Nullable String pick(String methodValue, String typeValue,
			@Nullable StringValueResolver valueResolver) {
		String value = StringUtils.hasText(methodValue) ? methodValue : typeValue;
		return StringUtils.hasText(value) ? resolve(value, valueResolver) : null;
	}

	private static String combine(String typeUrl, String methodUrl) {
		if (methodUrl.contains("://") || !StringUtils.hasText(typeUrl)) {
			return methodUrl;
		}
		if (!StringUtils.hasText(methodUrl)) {
			return typeUrl;
		}
		String prefix = typeUrl.endsWith("/") ? typeUrl.substring(0, typeUrl.length() - 1) : typeUrl;
		return (methodUrl.startsWith("/") || methodUrl.startsWith("?")) ? prefix + methodUrl : prefix + "/" + methodUrl;
	}

	/**
	 * How a method returns the response: its body, the entity, or a future of either.
	 *
	 * @param async whether the method returns a {@link CompletableFuture} or {@link CompletionStage}
	 * @param entity whether the method returns a {@link CoapResponseEntity}
	 * @param bodyType the type the payload is converted to
	 * @param primitive whether the method returns a primitive, which cannot be {@code null}
	 */
	private record ResponseHandling(boolean async, boolean entity, ParameterizedTypeReference<Object> bodyType,
			boolean primitive) {

		static ResponseHandling of(Method method, Class<?> serviceType) {
			ResolvableType returnType = ResolvableType.forMethodReturnType(method, serviceType);
			Class<?> raw = returnType.toClass();
			boolean async = raw == CompletableFuture.class || raw == CompletionStage.class;
			ResolvableType valueType = async ? returnType.getGeneric(0) : returnType;
			boolean entity = valueType.toClass() == CoapResponseEntity.class;
			ResolvableType bodyType = entity ? valueType.getGeneric(0) : valueType;
			Class<?> body = bodyType.resolve();
			if (body == null) {
				throw new IllegalStateException("Cannot resolve the payload type of " + method.toGenericString()
						+ ": declare the type argument of its return type");
			}
			Class<?> boxed = (body == void.class) ? Void.class : ClassUtils.resolvePrimitiveIfNecessary(body);
			ResolvableType payloadType = (boxed != body) ? ResolvableType.forClass(boxed) : bodyType;
			boolean primitive = !async && !entity && raw.isPrimitive() && raw != void.class;
			return new ResponseHandling(async, entity, ParameterizedTypeReference.forType(payloadType.getType()),
					primitive);
		}

		@Nullable Object execute(CoapOperations operations, CoapRequestEntity<?> request) {
			if (this.async) {
				CompletableFuture<CoapResponseEntity<Object>> future = operations.exchangeAsync(request, this.bodyType);
				if (this.entity) {
					return future;
				}
				CompletableFuture<@Nullable Object> body = future.thenApply(CoapResponseEntity::getBody);
				body.whenComplete((value, ex) -> {
					if (body.isCancelled()) {
						future.cancel(true);
					}
				});
				return body;
			}
			CoapResponseEntity<Object> response = operations.exchange(request, this.bodyType);
			if (this.entity) {
				return response;
			}
			Object body = response.getBody();
			if (body == null && this.primitive) {
				throw new IllegalStateException("The response to " + request.describe()
						+ " has no payload, which a primitive return type cannot express");
			}
			return body;
		}

	}

}
