package io.coapspring.test.autoconfigure;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapControllerAdvice;
import io.coapspring.autoconfigure.CoapConfigurationCustomizer;
import io.coapspring.convert.CoapMessageConverter;
import io.coapspring.server.CoapServerCustomizer;
import io.coapspring.server.CoapServerEndpointFactory;
import io.coapspring.server.invocation.CoapHandlerMethodArgumentResolver;
import io.coapspring.server.invocation.CoapHandlerMethodReturnValueHandler;
import org.eclipse.californium.core.server.resources.Resource;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.util.ClassUtils;
import org.springframework.util.ObjectUtils;

/**
 * The component scanning filter of {@link CoapTest @CoapTest}: CoAP controllers (all, or those the annotation
 * names), controller advice and the CoAP extension beans pass, nothing else does.
 *
 * @author CoAP Spring Boot team
 */
class CoapTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<CoapTest> {

	private static final Class<?>[] NO_CONTROLLERS = {};

	private static final String[] OPTIONAL_INCLUDES = { "tools.jackson.databind.JacksonModule",
			"org.springframework.boot.jackson.JacksonComponent" };

	private static final Set<Class<?>> KNOWN_INCLUDES;

	static {
		Set<Class<?>> includes = new LinkedHashSet<>();
		includes.add(CoapControllerAdvice.class);
		includes.add(CoapHandlerMethodArgumentResolver.class);
		includes.add(CoapHandlerMethodReturnValueHandler.class);
		includes.add(CoapMessageConverter.class);
		includes.add(CoapServerCustomizer.class);
		includes.add(CoapServerEndpointFactory.class);
		includes.add(CoapConfigurationCustomizer.class);
		includes.add(Resource.class);
		includes.add(Converter.class);
		includes.add(GenericConverter.class);
		for (String optionalInclude : OPTIONAL_INCLUDES) {
			try {
				includes.add(ClassUtils.forName(optionalInclude, null));
			}
			catch (Exception ex) {
				// not on the classpath
			}
		}
		KNOWN_INCLUDES = Collections.unmodifiableSet(includes);
	}

	private static final Set<Class<?>> KNOWN_INCLUDES_AND_CONTROLLER;

	static {
		Set<Class<?>> includes = new LinkedHashSet<>(KNOWN_INCLUDES);
		includes.add(CoapController.class);
		KNOWN_INCLUDES_AND_CONTROLLER = Collections.unmodifiableSet(includes);
	}

	private final Class<?>[] controllers;

	CoapTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
		this.controllers = getAnnotation().getValue("controllers", Class[].class).orElse(NO_CONTROLLERS);
	}

	@Override
	protected Set<Class<?>> getKnownIncludes() {
		return ObjectUtils.isEmpty(this.controllers) ? KNOWN_INCLUDES_AND_CONTROLLER : KNOWN_INCLUDES;
	}

	@Override
	protected Set<Class<?>> getComponentIncludes() {
		return new LinkedHashSet<>(Arrays.asList(this.controllers));
	}

}
