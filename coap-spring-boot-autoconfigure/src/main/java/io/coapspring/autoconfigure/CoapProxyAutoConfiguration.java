package io.coapspring.autoconfigure;

import java.time.Clock;

import io.coapspring.client.CoapClientEndpoints;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.proxy.AllowedDestinations;
import io.coapspring.proxy.CoapForwardProxy;
import io.coapspring.proxy.CoapProxyCache;
import io.coapspring.proxy.CoapProxyClient;
import io.coapspring.proxy.CoapProxyResource;
import io.coapspring.proxy.CoapProxyRouter;
import io.coapspring.proxy.ProxyClient;
import io.coapspring.proxy.http.HttpProxyClient;
import io.coapspring.proxy.http.HttpToCoapHandler;
import io.coapspring.server.CoapPiggybackTimer;
import io.coapspring.server.handler.CoapHandlerExecutor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.option.OptionRegistry;
import org.eclipse.californium.core.coap.option.StandardOptionRegistry;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the proxy,
 * active with {@code coap.proxy.enabled} or {@code coap.proxy.http.enabled}: the {@link CoapForwardProxy}
 * with the allow-list of {@code coap.proxy.allowed-destinations}, the {@link CoapProxyCache}, a
 * {@link CoapProxyClient} on client endpoints of its own and, when Spring's {@link RestClient} is present, an
 * {@link HttpProxyClient} for {@code http} and {@code https} destinations.
 * <p>
 * With {@code coap.proxy.enabled} the server routes requests carrying Proxy-Uri or Proxy-Scheme to the
 * proxy through a {@link CoapProxyRouter}; with {@code coap.proxy.http.enabled} in a Spring MVC application,
 * a router function maps HTTP requests under {@code coap.proxy.http.path-prefix} to CoAP (RFC 8075).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = { CoapAutoConfiguration.class, CoapMessageConvertersAutoConfiguration.class,
		CoapHandlerAutoConfiguration.class }, before = CoapServerAutoConfiguration.class)
@ConditionalOnClass(CoapEndpoint.class)
@Conditional(CoapProxyAutoConfiguration.ProxyEnabledCondition.class)
public final class CoapProxyAutoConfiguration {

	private static final Log logger = LogFactory.getLog(CoapProxyAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "coap.proxy.cache.enabled", matchIfMissing = true)
	CoapProxyCache coapProxyCache(CoapProperties properties) {
		CoapProperties.Proxy.Cache cache = properties.getProxy().getCache();
		return new CoapProxyCache(cache.getMaxEntries(), cache.getMaxSize().toBytes(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	CoapProxyClient coapProxyClient(Configuration coapConfiguration, ObjectProvider<OptionRegistry> optionRegistry,
			CoapProperties properties) {
		CoapClientEndpoints endpoints = new CoapClientEndpoints(coapConfiguration,
				optionRegistry.getIfAvailable(StandardOptionRegistry::getDefaultOptionRegistry));
		return new CoapProxyClient(endpoints, properties.getProxy().getTimeout());
	}

	@Bean
	@ConditionalOnMissingBean
	CoapForwardProxy coapForwardProxy(ObjectProvider<ProxyClient> clients, ObjectProvider<CoapProxyCache> cache,
			CoapProperties properties) {
		CoapProperties.Proxy proxy = properties.getProxy();
		AllowedDestinations allowed;
		try {
			allowed = AllowedDestinations.of(proxy.getAllowedDestinations());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("coap.proxy.allowed-destinations",
					proxy.getAllowedDestinations(), ex.getMessage());
		}
		if (allowed.isEmpty()) {
			logger.warn("The CoAP proxy is enabled but 'coap.proxy.allowed-destinations' is empty: every proxied "
					+ "request is refused with 4.03 Forbidden. List the destinations it may forward to, such as "
					+ "'coap://sensor.local:5683' or 'http://10.0.0.0/8:80'.");
		}
		for (String exposure : allowed.describeHostOnlyExposures()) {
			logger.warn("'coap.proxy.allowed-destinations' entry " + exposure + ". Any service listening there "
					+ "that the proxy's clients should not read (management endpoints, databases) is exposed; "
					+ "list only the schemes and ports meant to be reached.");
		}
		return new CoapForwardProxy(clients.orderedStream().toList(), proxy.getSchemes(), allowed,
				cache.getIfAvailable());
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class HttpClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HttpProxyClient coapHttpProxyClient(CoapProperties properties, CoapMessageConverters coapMessageConverters) {
			return new HttpProxyClient(HttpProxyClient.createRestClient(properties.getProxy().getTimeout()),
					coapMessageConverters.getContentFormats(), maxBodySize(properties));
		}

	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(CoapServer.class)
	@ConditionalOnBooleanProperty("coap.proxy.enabled")
	@ConditionalOnBooleanProperty(name = "coap.server.enabled", matchIfMissing = true)
	static class ServerConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CoapProxyRouter coapProxyRouter(CoapForwardProxy coapForwardProxy, CoapHandlerExecutor coapHandlerExecutor,
				CoapPiggybackTimer coapPiggybackTimer) {
			return new CoapProxyRouter(
					new CoapProxyResource(coapForwardProxy, coapHandlerExecutor::execute, coapPiggybackTimer));
		}

	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(RouterFunction.class)
	@ConditionalOnBooleanProperty("coap.proxy.http.enabled")
	static class HttpGatewayConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "coapHttpProxyRouterFunction")
		RouterFunction<ServerResponse> coapHttpProxyRouterFunction(CoapForwardProxy coapForwardProxy,
				CoapMessageConverters coapMessageConverters, CoapProperties properties) {
			CoapProperties.Proxy proxy = properties.getProxy();
			return new HttpToCoapHandler(coapForwardProxy, coapMessageConverters.getContentFormats(),
					proxy.getHttp().getPathPrefix(), maxBodySize(properties), proxy.getTimeout())
				.routerFunction();
		}

	}

	private static int maxBodySize(CoapProperties properties) {
		return (int) Math.min(Integer.MAX_VALUE, properties.getBlockwise().getMaxResourceBodySize().toBytes());
	}

	/**
	 * Matches when the forward proxy or the HTTP gateway is enabled.
	 */
	static class ProxyEnabledCondition extends AnyNestedCondition {

		ProxyEnabledCondition() {
			super(ConfigurationPhase.PARSE_CONFIGURATION);
		}

		@ConditionalOnBooleanProperty("coap.proxy.enabled")
		static class ForwardProxyEnabled {

		}

		@ConditionalOnBooleanProperty("coap.proxy.http.enabled")
		static class HttpGatewayEnabled {

		}

	}

}
