package io.coapspring.server.handler;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapControllerAdvice;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.server.invocation.CoapControllerAdviceBean;
import io.coapspring.server.invocation.CoapExceptionHandlerMethodResolver;
import io.coapspring.server.invocation.CoapExceptionHandlers;
import io.coapspring.server.invocation.CoapHandlerAdapter;
import io.coapspring.server.invocation.support.PathVariableArgumentResolver;
import io.coapspring.server.mapping.CoapHandlerMapping;
import io.coapspring.server.mapping.CoapHandlerMappingRegistry;
import io.coapspring.server.mapping.CoapHandlerMethod;
import io.coapspring.server.mapping.CoapMappingInfo;
import io.coapspring.server.mapping.CoapMappingInfoReader;
import io.coapspring.server.mapping.CoapPathPattern;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * Finds the {@link CoapController @CoapController} and {@link CoapControllerAdvice @CoapControllerAdvice}
 * beans once every singleton is created, and before the server starts: registers each mapped method in the
 * {@link CoapHandlerMappingRegistry} and the advice in the {@link CoapExceptionHandlers}. Start-up fails, with
 * a message naming the method, on an ambiguous mapping, an invalid pattern or Content-Format, a path variable
 * that is not in the pattern, or a parameter or return type no resolver or handler supports.
 * <p>
 * Beans behind AOP proxies (method security, for instance) are detected by their target class and invoked
 * through the proxy, so that its interceptors run.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapControllerDetector implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(CoapControllerDetector.class);

	private static final String SCOPED_TARGET_PREFIX = "scopedTarget.";

	private final ApplicationContext applicationContext;

	private final CoapHandlerMappingRegistry registry;

	private final CoapMappingInfoReader reader;

	private final CoapHandlerAdapter adapter;

	private final @Nullable CoapMappingFormatCheck formatCheck;

	/**
	 * Create a detector.
	 * @param applicationContext the context whose beans are inspected
	 * @param registry the registry to fill
	 * @param reader reads the mappings of methods
	 * @param adapter checks that parameters and return types are supported, and holds the exception handlers
	 */
	public CoapControllerDetector(ApplicationContext applicationContext, CoapHandlerMappingRegistry registry,
			CoapMappingInfoReader reader, CoapHandlerAdapter adapter) {
		this(applicationContext, registry, reader, adapter, null);
	}

	/**
	 * Create a detector that also checks that the converters handle the formats each mapping declares.
	 * @param applicationContext the context whose beans are inspected
	 * @param registry the registry to fill
	 * @param reader reads the mappings of methods
	 * @param adapter checks that parameters and return types are supported, and holds the exception handlers
	 * @param formatCheck checks {@code consumes} and {@code produces} against the converters, or {@code null}
	 * @since 0.1.0
	 */
	public CoapControllerDetector(ApplicationContext applicationContext, CoapHandlerMappingRegistry registry,
			CoapMappingInfoReader reader, CoapHandlerAdapter adapter, @Nullable CoapMappingFormatCheck formatCheck) {
		Assert.notNull(applicationContext, "'applicationContext' must not be null");
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(reader, "'reader' must not be null");
		Assert.notNull(adapter, "'adapter' must not be null");
		this.applicationContext = applicationContext;
		this.registry = registry;
		this.reader = reader;
		this.adapter = adapter;
		this.formatCheck = formatCheck;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<CoapControllerAdviceBean> advice = new ArrayList<>();
		int handlerMethods = 0;
		for (String beanName : this.applicationContext.getBeanNamesForType(Object.class, false, false)) {
			if (beanName.startsWith(SCOPED_TARGET_PREFIX)) {
				continue;
			}
			Class<?> beanType = this.applicationContext.getType(beanName, false);
			if (beanType == null) {
				continue;
			}
			Class<?> userType = userType(beanName, beanType);
			if (AnnotatedElementUtils.hasAnnotation(userType, CoapController.class)) {
				handlerMethods += detectHandlerMethods(this.applicationContext.getBean(beanName), userType);
			}
			if (AnnotatedElementUtils.hasAnnotation(userType, CoapControllerAdvice.class)) {
				CoapControllerAdviceBean adviceBean = new CoapControllerAdviceBean(
						this.applicationContext.getBean(beanName));
				checkExceptionHandlers(adviceBean.getBean(), adviceBean.getResolver());
				advice.add(adviceBean);
			}
		}
		advice.sort((left, right) -> AnnotationAwareOrderComparator.INSTANCE.compare(left.getBean(), right.getBean()));
		this.adapter.getExceptionHandlers().setAdvice(advice);
		if (logger.isDebugEnabled()) {
			logger.debug("Mapped " + handlerMethods + " CoAP handler method(s), " + advice.size() + " advice bean(s)");
		}
	}

	/**
	 * Return the class that declares a bean's mappings: the user class of a CGLIB proxy or of a bean, the target
	 * class of a JDK proxy, whose own class only has the interfaces.
	 */
	private Class<?> userType(String beanName, Class<?> beanType) {
		if (Proxy.isProxyClass(beanType)) {
			return CoapHandlerMethod.targetClass(this.applicationContext.getBean(beanName));
		}
		return ClassUtils.getUserClass(beanType);
	}

	private int detectHandlerMethods(Object bean, Class<?> userType) {
		Map<Method, CoapMappingInfo> methods = MethodIntrospector.selectMethods(userType,
				(MethodIntrospector.MetadataLookup<CoapMappingInfo>) (method) -> this.reader.read(method, userType));
		for (Map.Entry<Method, CoapMappingInfo> entry : methods.entrySet()) {
			Method method = AopUtils.selectInvocableMethod(entry.getKey(), userType);
			CoapHandlerMethod handlerMethod = handlerMethod(bean, method);
			CoapMappingInfo info = entry.getValue();
			this.adapter.checkSupported(handlerMethod);
			checkPathVariables(handlerMethod, info);
			if (this.formatCheck != null) {
				this.formatCheck.check(handlerMethod, info);
			}
			for (CoapPathPattern pattern : info.patterns()) {
				this.registry.register(new CoapHandlerMapping(pattern, info, handlerMethod));
			}
		}
		checkExceptionHandlers(bean, this.adapter.getExceptionHandlers().forController(userType));
		return methods.size();
	}

	private static CoapHandlerMethod handlerMethod(Object bean, Method method) {
		try {
			return new CoapHandlerMethod(bean, method);
		}
		catch (IllegalStateException ex) {
			throw new IllegalStateException("CoAP handler method " + method.getDeclaringClass().getSimpleName() + "#"
					+ method.getName() + " cannot be invoked on its bean: " + ex.getMessage(), ex);
		}
	}

	private void checkPathVariables(CoapHandlerMethod handlerMethod, CoapMappingInfo info) {
		for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
			if (!parameter.hasParameterAnnotation(CoapPathVariable.class)) {
				continue;
			}
			String name = PathVariableArgumentResolver.variableName(parameter);
			if (name == null) {
				continue;
			}
			for (CoapPathPattern pattern : info.patterns()) {
				if (!pattern.getVariableNames().contains(name)) {
					throw new IllegalStateException("Path variable '" + name + "' of CoAP handler method "
							+ handlerMethod.getShortDescription() + " is not in its path pattern '" + pattern + "'");
				}
			}
		}
	}

	private void checkExceptionHandlers(Object bean, CoapExceptionHandlerMethodResolver resolver) {
		for (Method method : resolver.getMethods()) {
			this.adapter.checkSupported(handlerMethod(bean,
					AopUtils.selectInvocableMethod(method, CoapHandlerMethod.targetClass(bean))));
		}
	}

}
