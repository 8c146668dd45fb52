package io.coapspring.server.function;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.Assert;

/**
 * Registers the routes of the {@link CoapRouterFunction} beans in the {@link CoapRouteRegistry} when it is
 * initialized, before the server starts; start-up fails on a route that is ambiguous with another mapping,
 * functional or annotated, naming both.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapRouterFunctionDetector implements InitializingBean {

	private static final Log logger = LogFactory.getLog(CoapRouterFunctionDetector.class);

	private final ListableBeanFactory beanFactory;

	private final CoapRouteRegistry registry;

	/**
	 * Create a detector.
	 * @param beanFactory the bean factory whose router functions are registered
	 * @param registry the registry
	 */
	public CoapRouterFunctionDetector(ListableBeanFactory beanFactory, CoapRouteRegistry registry) {
		Assert.notNull(beanFactory, "'beanFactory' must not be null");
		Assert.notNull(registry, "'registry' must not be null");
		this.beanFactory = beanFactory;
		this.registry = registry;
	}

	@Override
	public void afterPropertiesSet() {
		Map<String, CoapRouterFunction> routerFunctions = this.beanFactory.getBeansOfType(CoapRouterFunction.class);
		routerFunctions.forEach(this.registry::registerBean);
		if (logger.isDebugEnabled()) {
			logger.debug("Registered the routes of " + routerFunctions.size() + " CoAP router function(s)");
		}
	}

}
