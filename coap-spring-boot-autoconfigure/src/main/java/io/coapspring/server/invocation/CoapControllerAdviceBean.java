package io.coapspring.server.invocation;

import java.lang.annotation.Annotation;
import java.util.List;

import io.coapspring.annotation.CoapControllerAdvice;
import io.coapspring.server.mapping.CoapHandlerMethod;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;

/**
 * A {@link CoapControllerAdvice @CoapControllerAdvice} bean with the controllers it applies to and its
 * exception handler methods.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapControllerAdviceBean {

	private final Object bean;

	private final List<String> basePackages;

	private final List<Class<?>> assignableTypes;

	private final List<Class<? extends Annotation>> annotations;

	private final CoapExceptionHandlerMethodResolver resolver;

	/**
	 * Create an advice bean.
	 * @param bean the bean, whose class is annotated with {@code @CoapControllerAdvice}
	 */
	public CoapControllerAdviceBean(Object bean) {
		Assert.notNull(bean, "'bean' must not be null");
		Class<?> type = CoapHandlerMethod.targetClass(bean);
		CoapControllerAdvice advice = AnnotatedElementUtils.findMergedAnnotation(type, CoapControllerAdvice.class);
		Assert.notNull(advice, () -> type.getName() + " is not annotated with @CoapControllerAdvice");
		this.bean = bean;
		this.basePackages = List.of(advice.basePackages());
		this.assignableTypes = List.of(advice.assignableTypes());
		this.annotations = List.of(advice.annotations());
		this.resolver = new CoapExceptionHandlerMethodResolver(type);
	}

	/**
	 * Return the advice bean.
	 * @return the bean
	 */
	public Object getBean() {
		return this.bean;
	}

	/**
	 * Return the exception handler methods of the advice.
	 * @return the resolver
	 */
	public CoapExceptionHandlerMethodResolver getResolver() {
		return this.resolver;
	}

	/**
	 * Return whether the advice applies to a controller.
	 * @param controllerType the user class of the controller
	 * @return {@code true} if the advice has no restriction or the controller matches one
	 */
	public boolean isApplicableTo(Class<?> controllerType) {
		if (this.basePackages.isEmpty() && this.assignableTypes.isEmpty() && this.annotations.isEmpty()) {
			return true;
		}
		String packageName = controllerType.getPackageName();
		for (String basePackage : this.basePackages) {
			if (packageName.equals(basePackage) || packageName.startsWith(basePackage + ".")) {
				return true;
			}
		}
		for (Class<?> type : this.assignableTypes) {
			if (type.isAssignableFrom(controllerType)) {
				return true;
			}
		}
		for (Class<? extends Annotation> annotation : this.annotations) {
			if (AnnotatedElementUtils.hasAnnotation(controllerType, annotation)) {
				return true;
			}
		}
		return false;
	}

}
