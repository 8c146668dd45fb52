package io.coapspring.client.service;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.coapspring.client.CoapOperations;
import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.ConversionService;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.util.Assert;
import org.springframework.util.StringValueResolver;

/**
 * Creates declarative CoAP clients: proxies of interfaces whose methods carry
 * {@link io.coapspring.client.service.annotation.CoapExchange} annotations, which send their requests
 * through a {@link CoapOperations}. The CoAP counterpart of Spring's {@code HttpServiceProxyFactory}.
 *
 * <pre class="code">
 * &#64;CoapExchange("coap://[fd00::7]/sensors")
 * interface Sensors {
 *
 *     &#64;CoapGetExchange(url = "/{id}", accept = "application/json")
 *     Reading read(&#64;CoapPathVariable String id, &#64;CoapQueryParam(required = false) String unit);
 *
 *     &#64;CoapPutExchange("/{id}/threshold")
 *     CompletableFuture&lt;CoapResponseEntity&lt;Void&gt;&gt; threshold(&#64;CoapPathVariable String id, &#64;CoapPayload Threshold t);
 *
 * }
 *
 * Sensors sensors = factory.createClient(Sensors.class);
 * </pre>
 *
 * Methods return the converted payload {@code T}, a {@code CoapResponseEntity<T>}, {@code void}, or a
 * {@code CompletableFuture} of one of these. Default methods of the interface are invoked as they are.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapServiceProxyFactory {

	private final CoapOperations operations;

	private final List<CoapServiceArgumentResolver> resolvers;

	private final @Nullable StringValueResolver valueResolver;

	private CoapServiceProxyFactory(Builder builder) {
		this.operations = builder.operations;
		this.valueResolver = builder.valueResolver;
		ConversionService conversionService = (builder.conversionService != null) ? builder.conversionService
				: new DefaultFormattingConversionService();
		List<CoapServiceArgumentResolver> all = new ArrayList<>(builder.customResolvers);
		all.add(new PathVariableServiceArgumentResolver(conversionService));
		all.add(new QueryParamServiceArgumentResolver(conversionService));
		all.add(new PayloadServiceArgumentResolver());
		all.add(new OptionServiceArgumentResolver());
		all.add(new UriArgumentResolver());
		this.resolvers = List.copyOf(all);
	}

	/**
	 * Start building a factory.
	 * @param operations the client the proxies send their requests through
	 * @return a builder
	 */
	public static Builder builder(CoapOperations operations) {
		Assert.notNull(operations, "'operations' must not be null");
		return new Builder(operations);
	}

	/**
	 * Create a client. Every abstract method is checked now: a method without exchange annotation, with an
	 * unknown CoAP method or an unresolvable return type fails here rather than on first call.
	 * @param <S> the interface type
	 * @param serviceType the interface
	 * @return the proxy
	 * @throws IllegalStateException if a method cannot be mapped to an exchange
	 */
	@SuppressWarnings("unchecked")
	public <S> S createClient(Class<S> serviceType) {
		Assert.notNull(serviceType, "'serviceType' must not be null");
		Assert.isTrue(serviceType.isInterface(), () -> serviceType.getName() + " is not an interface");
		Map<Method, CoapServiceMethod> methods = new HashMap<>();
		for (Method method : serviceType.getMethods()) {
			if (Modifier.isAbstract(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())) {
				methods.put(method, new CoapServiceMethod(method, serviceType, this.resolvers, this.valueResolver));
			}
		}
		return (S) Proxy.newProxyInstance(serviceType.getClassLoader(), new Class<?>[] { serviceType },
				new ServiceInvocationHandler(serviceType, methods, this.operations));
	}

	private record ServiceInvocationHandler(Class<?> serviceType, Map<Method, CoapServiceMethod> methods,
			CoapOperations operations) implements InvocationHandler {

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
			CoapServiceMethod serviceMethod = this.methods.get(method);
			if (serviceMethod != null) {
				return serviceMethod.invoke(this.operations, args);
			}
			if (method.isDefault()) {
				return InvocationHandler.invokeDefault(proxy, method, args);
			}
			return switch (method.getName()) {
				case "equals" -> proxy == args[0];
				case "hashCode" -> System.identityHashCode(proxy);
				case "toString" -> "CoAP client proxy for " + this.serviceType.getName();
				default -> throw new IllegalStateException("Unexpected method " + method);
			};
		}

	}

	/**
	 * Builds a {@link CoapServiceProxyFactory}.
	 */
	public static final class Builder {

		private final CoapOperations operations;

		private @Nullable ConversionService conversionService;

		private @Nullable StringValueResolver valueResolver;

		private final List<CoapServiceArgumentResolver> customResolvers = new ArrayList<>();

		private Builder(CoapOperations operations) {
			this.operations = operations;
		}

		/**
		 * Set the conversion service of path variables and query parameters.
		 * @param conversionService the service, a {@link DefaultFormattingConversionService} by default
		 * @return this builder
		 */
		public Builder conversionService(ConversionService conversionService) {
			Assert.notNull(conversionService, "'conversionService' must not be null");
			this.conversionService = conversionService;
			return this;
		}

		/**
		 * Set the resolver of {@code ${...}} placeholders in exchange annotations.
		 * @param valueResolver the resolver, for instance {@code environment::resolvePlaceholders}
		 * @return this builder
		 */
		public Builder embeddedValueResolver(StringValueResolver valueResolver) {
			Assert.notNull(valueResolver, "'valueResolver' must not be null");
			this.valueResolver = valueResolver;
			return this;
		}

		/**
		 * Add a resolver for custom argument types, consulted before the built-in ones.
		 * @param resolver the resolver
		 * @return this builder
		 */
		public Builder customArgumentResolver(CoapServiceArgumentResolver resolver) {
			Assert.notNull(resolver, "'resolver' must not be null");
			this.customResolvers.add(resolver);
			return this;
		}

		/**
		 * Build the factory.
		 * @return the factory
		 */
		public CoapServiceProxyFactory build() {
			return new CoapServiceProxyFactory(this);
		}

	}

}
