package io.coapspring.server.handler;

import java.lang.reflect.Method;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedMethod;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;

/**
 * A method of a bean that handles CoAP requests or exceptions: the bean, the method and its parameters with
 * their names discovered (the project compiles with {@code -parameters}).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapHandlerMethod extends AnnotatedMethod {

	private static final ParameterNameDiscoverer NAME_DISCOVERER = new DefaultParameterNameDiscoverer();

	private final Object bean;

	private final Class<?> beanType;

	/**
	 * Create a handler method.
	 * @param bean the bean that declares the method
	 * @param method the method, of the bean's user class (not of a CGLIB proxy)
	 */
	public CoapHandlerMethod(Object bean, Method method) {
		super(method);
		Assert.notNull(bean, "'bean' must not be null");
		this.bean = bean;
		this.beanType = ClassUtils.getUserClass(bean);
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
	 * Return the user class of the bean.
	 * @return the bean type
	 */
	public Class<?> getBeanType() {
		return this.beanType;
	}

	/**
	 * Return a short description for messages: {@code SensorController#read(String, String)}.
	 * @return the description
	 */
	public String getShortDescription() {
		StringJoiner parameters = new StringJoiner(", ", "(", ")");
		for (Class<?> type : getMethod().getParameterTypes()) {
			parameters.add(type.getSimpleName());
		}
		return this.beanType.getSimpleName() + "#" + getMethod().getName() + parameters;
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
