package io.coapspring.autoconfigure;

import java.util.List;

import io.coapspring.annotation.CoapController;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.server.CoapPiggybackTimer;
import io.coapspring.server.ProtocolHandOff;
import io.coapspring.server.discovery.CoapDiscoveryLinks;
import io.coapspring.server.discovery.CoapDiscoveryServerCustomizer;
import io.coapspring.server.discovery.CoapEndpointName;
import io.coapspring.server.discovery.CoapLinkInstances;
import io.coapspring.server.discovery.CoapMappingLinks;
import io.coapspring.server.handler.CoapControllerDetector;
import io.coapspring.server.handler.CoapHandlerExecutor;
import io.coapspring.server.handler.CoapHandlerSelector;
import io.coapspring.server.handler.CoapMappingFormatCheck;
import io.coapspring.server.handler.CoapPreconditions;
import io.coapspring.server.handler.CoapRequestDispatcher;
import io.coapspring.server.invocation.CoapErrorResponses;
import io.coapspring.server.invocation.CoapExceptionHandlers;
import io.coapspring.server.invocation.CoapExceptionResolver;
import io.coapspring.server.invocation.CoapHandlerAdapter;
import io.coapspring.server.invocation.CoapHandlerInterceptor;
import io.coapspring.server.invocation.CoapHandlerMethodArgumentResolver;
import io.coapspring.server.invocation.CoapHandlerMethodArgumentResolverComposite;
import io.coapspring.server.invocation.CoapHandlerMethodReturnValueHandler;
import io.coapspring.server.invocation.CoapHandlerMethodReturnValueHandlerComposite;
import io.coapspring.server.invocation.CoapResponseWriter;
import io.coapspring.server.invocation.support.DefaultHandlerMethodResolvers;
import io.coapspring.server.mapping.CoapHandlerMappingRegistry;
import io.coapspring.server.mapping.CoapMappingInfoReader;
import io.coapspring.server.observe.CoapHandlerNotifier;
import io.coapspring.server.observe.CoapNotifier;
import io.coapspring.server.observe.CoapObservations;
import io.coapspring.server.observe.CoapObservedResources;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnThreading;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.thread.Threading;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringValueResolver;
import org.springframework.validation.Validator;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the annotated
 * programming model: {@link CoapController @CoapController} beans are detected before the server starts, their
 * mapped methods are routed to by the server's deliverer, run on the {@link CoapHandlerExecutor} and answered
 * through the {@link CoapMessageConverters}; {@code /.well-known/core} lists them, each link with the node's
 * name ({@code coap.server.endpoint-name}, or {@code spring.application.name}) as its {@code ep} attribute, and
 * the instances of mappings with path variables that {@link CoapLinkInstances} beans supply; the
 * {@link CoapDiscoveryLinks} bean gives the same links to other components (a Resource Directory client).
 * Observable mappings accept Observe registrations (RFC 7641), with conditional attributes, and a
 * {@link CoapNotifier} tells their observers of changes.
 * <p>
 * {@link CoapHandlerMethodArgumentResolver} and {@link CoapHandlerMethodReturnValueHandler} beans are
 * consulted before the built-in ones, {@link CoapHandlerInterceptor} beans wrap every invocation, and
 * {@link CoapExceptionResolver} beans map exceptions no exception handler method handled. The values of path variables, query parameters and options are converted
 * by the bean named {@code coapConversionService} if there is one, by the context's conversion service
 * otherwise. {@code @Valid} payloads are validated by the bean named {@code coapValidator} if there is one, by
 * the application's Bean Validation provider otherwise.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = { CoapAutoConfiguration.class, CoapMessageConvertersAutoConfiguration.class },
		before = CoapServerAutoConfiguration.class)
@ConditionalOnClass(CoapServer.class)
@ConditionalOnBooleanProperty(name = "coap.server.enabled", matchIfMissing = true)
public final class CoapHandlerAutoConfiguration {

	private static final Log logger = LogFactory.getLog(CoapHandlerAutoConfiguration.class);

	private static final String CONVERSION_SERVICE_BEAN_NAME = "coapConversionService";

	private static final String VALIDATOR_BEAN_NAME = "coapValidator";

	@Bean
	@ConditionalOnMissingBean
	CoapHandlerMappingRegistry coapHandlerMappingRegistry() {
		return new CoapHandlerMappingRegistry();
	}

	@Bean
	@ConditionalOnMissingBean
	CoapObservedResources coapObservedResources() {
		return new CoapObservedResources();
	}

	@Bean
	@ConditionalOnMissingBean
	CoapErrorResponses coapErrorResponses(ObjectProvider<CoapExceptionResolver> exceptionResolvers) {
		return new CoapErrorResponses(exceptionResolvers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	CoapHandlerAdapter coapHandlerAdapter(CoapMessageConverters coapMessageConverters,
			OptionRegistry coapOptionRegistry, CoapErrorResponses coapErrorResponses,
			ObjectProvider<CoapHandlerMethodArgumentResolver> argumentResolvers,
			ObjectProvider<CoapHandlerMethodReturnValueHandler> returnValueHandlers,
			ObjectProvider<CoapHandlerInterceptor> interceptors, ConfigurableListableBeanFactory beanFactory,
			Environment environment) {
		ConversionService conversionService = conversionService(beanFactory);
		StringValueResolver placeholders = environment::resolveRequiredPlaceholders;
		List<CoapHandlerMethodArgumentResolver> resolvers = DefaultHandlerMethodResolvers.argumentResolvers(
				argumentResolvers.orderedStream().toList(), conversionService, placeholders, coapOptionRegistry,
				coapMessageConverters, validator(beanFactory));
		List<CoapHandlerMethodReturnValueHandlerComposite.HandlerFactory> handlers = DefaultHandlerMethodResolvers
			.returnValueHandlers(returnValueHandlers.orderedStream().toList(), beanFactory.getBeanClassLoader());
		return new CoapHandlerAdapter(new CoapHandlerMethodArgumentResolverComposite(resolvers),
				new CoapHandlerMethodReturnValueHandlerComposite(handlers), new CoapExceptionHandlers(),
				new CoapResponseWriter(coapMessageConverters, coapOptionRegistry), coapErrorResponses,
				interceptors.orderedStream().toList());
	}

	private static ConversionService conversionService(ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory.containsBean(CONVERSION_SERVICE_BEAN_NAME)) {
			return beanFactory.getBean(CONVERSION_SERVICE_BEAN_NAME, ConversionService.class);
		}
		ConversionService conversionService = beanFactory.getConversionService();
		return (conversionService != null) ? conversionService : ApplicationConversionService.getSharedInstance();
	}

	private static @Nullable Validator validator(ConfigurableListableBeanFactory beanFactory) {
		if (beanFactory.containsBean(VALIDATOR_BEAN_NAME)) {
			return beanFactory.getBean(VALIDATOR_BEAN_NAME, Validator.class);
		}
		return BeanValidation.isPresent(beanFactory.getBeanClassLoader()) ? BeanValidation.validator(beanFactory)
				: null;
	}

	@Bean
	@ConditionalOnMissingBean
	CoapControllerDetector coapControllerDetector(ApplicationContext applicationContext,
			CoapHandlerMappingRegistry coapHandlerMappingRegistry, CoapHandlerAdapter coapHandlerAdapter,
			CoapMessageConverters coapMessageConverters, Environment environment) {
		CoapMappingInfoReader reader = new CoapMappingInfoReader(coapMessageConverters.getContentFormats(),
				environment::resolveRequiredPlaceholders);
		return new CoapControllerDetector(applicationContext, coapHandlerMappingRegistry, reader, coapHandlerAdapter,
				new CoapMappingFormatCheck(coapMessageConverters, coapHandlerAdapter.getReturnValueHandlers()));
	}

	@Bean
	@ConditionalOnMissingBean
	CoapPiggybackTimer coapPiggybackTimer(CoapProperties properties) {
		return new CoapPiggybackTimer(properties.getNetwork().getPiggybackReply());
	}

	@Bean
	@ConditionalOnMissingBean
	CoapObservations coapObservations(CoapHandlerAdapter coapHandlerAdapter, CoapErrorResponses coapErrorResponses,
			CoapObservedResources coapObservedResources, CoapHandlerExecutor coapHandlerExecutor,
			CoapProperties properties) {
		Type notificationType = switch (properties.getObserve().getNotificationType()) {
			case CON -> Type.CON;
			case NON -> Type.NON;
			case REQUEST -> null;
		};
		CoapObservations observations = new CoapObservations(coapHandlerAdapter, coapErrorResponses,
				coapObservedResources, coapHandlerExecutor::execute, notificationType);
		CoapProperties.Observe observe = properties.getObserve();
		observations.setKeepAlive(observe.isKeepAlive() ? observe.getNotificationCheckIntervalTime() : null);
		observations.setMaxObserversPerPeer(observe.getMaxObserversPerPeer());
		return observations;
	}

	@Bean
	@ConditionalOnMissingBean
	CoapNotifier coapNotifier(CoapObservedResources coapObservedResources, CoapObservations coapObservations) {
		return new CoapHandlerNotifier(coapObservedResources, coapObservations);
	}

	@Bean
	@ConditionalOnMissingBean
	CoapRequestDispatcher coapRequestDispatcher(CoapHandlerMappingRegistry coapHandlerMappingRegistry,
			CoapHandlerAdapter coapHandlerAdapter, CoapErrorResponses coapErrorResponses,
			CoapMessageConverters coapMessageConverters, CoapHandlerExecutor coapHandlerExecutor,
			CoapPiggybackTimer coapPiggybackTimer, CoapObservedResources coapObservedResources,
			CoapObservations coapObservations, ObjectProvider<ProtocolHandOff> protocolHandOff) {
		CoapHandlerSelector selector = new CoapHandlerSelector(coapHandlerMappingRegistry,
				coapMessageConverters.getContentFormats());
		CoapPreconditions preconditions = new CoapPreconditions(selector, coapHandlerAdapter, coapErrorResponses,
				coapMessageConverters);
		return new CoapRequestDispatcher(coapHandlerMappingRegistry, selector, coapHandlerAdapter, preconditions,
				coapErrorResponses, coapHandlerExecutor::execute, coapPiggybackTimer, coapObservedResources,
				coapObservations, protocolHandOff.getIfAvailable(ProtocolHandOff::new));
	}

	@Bean
	@ConditionalOnMissingBean
	CoapMappingLinks coapMappingLinks(CoapHandlerMappingRegistry coapHandlerMappingRegistry,
			ObjectProvider<CoapLinkInstances> linkInstances) {
		return new CoapMappingLinks(coapHandlerMappingRegistry, linkInstances.orderedStream().toList());
	}

	// Declared after coapControllerDetector, so it runs after the mappings are registered
	@Bean
	SmartInitializingSingleton coapLinkInstancesCheck(CoapMappingLinks coapMappingLinks) {
		return coapMappingLinks::checkInstances;
	}

	@Bean
	@ConditionalOnMissingBean
	CoapDiscoveryLinks coapDiscoveryLinks(CoapMappingLinks coapMappingLinks, ObjectProvider<CoapServer> coapServer,
			CoapProperties properties, Environment environment) {
		return new CoapDiscoveryLinks(coapMappingLinks, () -> {
			CoapServer server = coapServer.getIfAvailable();
			return (server != null) ? server.getRoot() : null;
		}, endpointName(properties, environment));
	}

	@Bean
	@ConditionalOnMissingBean
	CoapDiscoveryServerCustomizer coapDiscoveryServerCustomizer(CoapDiscoveryLinks coapDiscoveryLinks) {
		return new CoapDiscoveryServerCustomizer(coapDiscoveryLinks);
	}

	private static @Nullable CoapEndpointName endpointName(CoapProperties properties, Environment environment) {
		String configured = properties.getServer().getEndpointName();
		if (configured != null) {
			try {
				return new CoapEndpointName(configured);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException("coap.server.endpoint-name", configured,
						ex.getMessage());
			}
		}
		String applicationName = environment.getProperty("spring.application.name");
		if (applicationName == null || applicationName.isBlank()) {
			return null;
		}
		try {
			return new CoapEndpointName(applicationName);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("'spring.application.name' (" + applicationName + ") cannot be the CoAP endpoint name, which "
					+ ex.getMessage() + ": set 'coap.server.endpoint-name' to publish one");
			return null;
		}
	}

	// Not an Executor bean: that would make Spring Boot back off from its applicationTaskExecutor.
	// The pool is not a bean either, so it keeps running while the server's graceful shutdown drains.

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnThreading(Threading.PLATFORM)
	static class PlatformThreadsExecutorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CoapHandlerExecutor coapHandlerExecutor(CoapProperties properties) {
			CoapProperties.Executor settings = properties.getServer().getExecutor();
			return CoapHandlerExecutor.threadPool(settings.getMaxThreads(), settings.getQueueCapacity(),
					settings.getKeepAlive(), settings.getThreadNamePrefix(),
					properties.getServer().getShutdownTimeout());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnThreading(Threading.VIRTUAL)
	static class VirtualThreadsExecutorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CoapHandlerExecutor coapHandlerExecutor(CoapProperties properties) {
			return CoapHandlerExecutor.virtualThreads(properties.getServer().getExecutor().getThreadNamePrefix(),
					properties.getServer().getShutdownTimeout());
		}

	}

	/**
	 * Finds the application's Bean Validation provider; loaded only when {@code jakarta.validation} is present.
	 */
	private static final class BeanValidation {

		private static final String VALIDATOR_CLASS = "jakarta.validation.Validator";

		static boolean isPresent(@Nullable ClassLoader classLoader) {
			return ClassUtils.isPresent(VALIDATOR_CLASS, classLoader);
		}

		static @Nullable Validator validator(ConfigurableListableBeanFactory beanFactory) {
			jakarta.validation.Validator validator = beanFactory.getBeanProvider(jakarta.validation.Validator.class)
				.getIfUnique();
			if (validator == null) {
				return null;
			}
			return (validator instanceof Validator springValidator) ? springValidator
					: new org.springframework.validation.beanvalidation.SpringValidatorAdapter(validator);
		}

	}

}
