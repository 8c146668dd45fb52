package io.coapspring.server.invocation.support;

import java.util.ArrayList;
import java.util.List;

import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.server.function.CoapServerRequestArgumentResolver;
import io.coapspring.server.invocation.CoapHandlerMethodArgumentResolver;
import io.coapspring.server.invocation.CoapHandlerMethodReturnValueHandler;
import io.coapspring.server.invocation.CoapHandlerMethodReturnValueHandlerComposite;
import io.coapspring.server.invocation.CoapPayloadReader;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.ConversionService;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringValueResolver;
import org.springframework.validation.Validator;

/**
 * The built-in argument resolvers and return value handlers of handler methods, in the order they are consulted,
 * after those of the application: what the auto-configuration gives the {@code CoapHandlerAdapter}, and what a
 * test or a benchmark that builds an adapter by hand needs.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class DefaultHandlerMethodResolvers {

	private static final String MONO_CLASS = "reactor.core.publisher.Mono";

	private DefaultHandlerMethodResolvers() {
	}

	/**
	 * Return the argument resolvers: path variables, query parameters, options, payloads (converted, then raw),
	 * the {@code CoapRequest} and what it carries, and the {@code CoapServerRequest} of functional routes.
	 * @param application the resolvers of the application, consulted first
	 * @param conversionService converts path variables, query parameters and options
	 * @param placeholders resolves {@code ${...}} in default values
	 * @param optionRegistry finds options by name
	 * @param converters read payloads
	 * @param validator validates {@code @Valid} payloads, or {@code null} without Bean Validation
	 * @return a new mutable list
	 */
	public static List<CoapHandlerMethodArgumentResolver> argumentResolvers(
			List<? extends CoapHandlerMethodArgumentResolver> application, ConversionService conversionService,
			StringValueResolver placeholders, OptionRegistry optionRegistry, CoapMessageConverters converters,
			@Nullable Validator validator) {
		Assert.notNull(application, "'application' must not be null");
		List<CoapHandlerMethodArgumentResolver> resolvers = new ArrayList<>(application);
		resolvers.add(new PathVariableArgumentResolver(conversionService));
		resolvers.add(new QueryParamArgumentResolver(conversionService, placeholders));
		resolvers.add(new OptionArgumentResolver(conversionService, placeholders, optionRegistry));
		CoapPayloadReader payloadReader = new CoapPayloadReader(converters, validator);
		resolvers.add(new PayloadArgumentResolver(payloadReader));
		resolvers.add(new RawPayloadArgumentResolver());
		resolvers.add(new CoapRequestArgumentResolver());
		resolvers.add(new CoapServerRequestArgumentResolver(payloadReader));
		return resolvers;
	}

	/**
	 * Return the return value handlers: {@code CoapResponseEntity}, {@code void}, {@code Optional},
	 * {@code CompletionStage}, Reactor's {@code Mono} when Reactor is on the class path, and any other value
	 * as the payload.
	 * @param application the handlers of the application, consulted first
	 * @param classLoader the class loader that tells whether Reactor is present, or {@code null} for the
	 * default
	 * @return a new mutable list of handler factories
	 */
	public static List<CoapHandlerMethodReturnValueHandlerComposite.HandlerFactory> returnValueHandlers(
			List<? extends CoapHandlerMethodReturnValueHandler> application, @Nullable ClassLoader classLoader) {
		Assert.notNull(application, "'application' must not be null");
		List<CoapHandlerMethodReturnValueHandlerComposite.HandlerFactory> handlers = new ArrayList<>();
		application.forEach((handler) -> handlers.add((composite) -> handler));
		handlers.add((composite) -> new ResponseEntityReturnValueHandler());
		handlers.add((composite) -> new VoidReturnValueHandler());
		handlers.add(OptionalReturnValueHandler::new);
		handlers.add(CompletionStageReturnValueHandler::new);
		if (ClassUtils.isPresent(MONO_CLASS, classLoader)) {
			handlers.add(MonoReturnValueHandler::new);
		}
		handlers.add((composite) -> new PayloadReturnValueHandler());
		return handlers;
	}

}
