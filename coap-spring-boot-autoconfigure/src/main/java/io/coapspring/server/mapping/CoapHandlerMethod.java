package io.coapspring.server.mapping;

import java.lang.reflect.Method;
import java.util.StringJoiner;

import io.coapspring.annotation.CoapNonBlocking;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotatedMethod;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * A method of a bean that handles CoAP requests or exceptions: the bean, the method and its parameters with
 * their names discovered (the project compiles with {@code -parameters}).
 * <p>
 * When the bean is an AOP proxy, for instance for method security, the method is read from the target class
 * for its annotations and invoked on the proxy, so that the proxy's interceptors run: a CGLIB proxy overrides
 * it, a JDK proxy exposes it through one of its interfaces.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapHandlerMethod extends AnnotatedMethod {

	private static final ParameterNameDiscoverer NAME_DISCOVERER = new DefaultParameterNameDiscoverer();

	private final Object bean;

	private final Class<?> beanType;

	private final Method invocableMethod;

	private final boolean nonBlocking;

	/**
	 * Create a handler method.
	 * @param bean the bean that declares the method, possibly an AOP proxy
	 * @param method the method, of the bean's target class (not of a proxy)
	 * @throws IllegalStateException if the method cannot be invoked on the bean, for instance a method that a
	 * JDK proxy does not expose through an interface
	 */
	public CoapHandlerMethod(Object bean, Method method) {
		super(method);
		Assert.notNull(bean, "'bean' must not be null");
		this.bean = bean;
		this.beanType = targetClass(bean);
		this.invocableMethod = AopUtils.selectInvocableMethod(method, bean.getClass());
		this.nonBlocking = AnnotatedElementUtils.hasAnnotation(method, CoapNonBlocking.class)
				|| AnnotatedElementUtils.hasAnnotation(this.beanType, CoapNonBlocking.class);
		for (MethodParameter parameter : getMethodParameters()) {
			parameter.initParameterNameDiscovery(NAME_DISCOVERER);
		}
	}

	/**
	 * Return the bean that declares the method.
	 * @return the bean
	 */
	public Object getBean() {
		return this.bean;
	}

	/**
	 * Return the user class of the bean, the target class of an AOP proxy.
	 * @return the bean type
	 */
	public Class<?> getBeanType() {
		return this.beanType;
	}

	/**
	 * Return the method to invoke on the bean: the method itself, or the interface method a JDK proxy
	 * exposes it through.
	 * @return the method to invoke
	 */
	public Method getInvocableMethod() {
		return this.invocableMethod;
	}

	/**
	 * Return whether the method, or its class, is annotated {@link CoapNonBlocking}: then it runs on the thread
	 * that delivers the request instead of the handler executor.
	 * @return {@code true} if the method never blocks
	 */
	public boolean isNonBlocking() {
		return this.nonBlocking;
	}

	/**
	 * Return the user class of a bean: the target class of an AOP proxy, the class of another bean.
	 * @param bean the bean
	 * @return its user class
	 */
	public static Class<?> targetClass(Object bean) {
		Assert.notNull(bean, "'bean' must not be null");
		return ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
	}

	/**
	 * Return a short description for messages: {@code SensorController#read(String, String)}.
	 * @return the description
	 */
	public String getShortDescription() {
		return this.beanType.getSimpleName() + "#" + getMethod().getName() + parameterTypes();
	}

	/**
	 * Return a description of the handler for the mappings endpoint:
	 * {@code com.example.SensorController#read(String, String)}.
	 * @return the description
	 */
	public String getHandlerDescription() {
		return this.beanType.getName() + "#" + getMethod().getName() + parameterTypes();
	}

	private String parameterTypes() {
		StringJoiner parameters = new StringJoiner(", ", "(", ")");
		for (Class<?> type : getMethod().getParameterTypes()) {
			parameters.add(type.getSimpleName());
		}
		return parameters.toString();
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof CoapHandlerMethod that && this.bean == that.bean
				&& getMethod().equals(that.getMethod()));
	}

	@Override
	public int hashCode() {
		return 31 * System.identityHashCode(this.bean) + getMethod().hashCode();
	}

	@Override
	public String toString() {
		return this.beanType.getName() + "#" + getMethod().getName();
	}

}
