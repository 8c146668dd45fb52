package io.coapspring.server.invocation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.util.Assert;

/**
 * Resolves arguments by delegating to a list of {@link CoapHandlerMethodArgumentResolver}s, remembering which
 * resolver supports each parameter.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapHandlerMethodArgumentResolverComposite implements CoapHandlerMethodArgumentResolver {

	private final List<CoapHandlerMethodArgumentResolver> resolvers;

	private final Map<MethodParameter, CoapHandlerMethodArgumentResolver> cache = new ConcurrentHashMap<>(256);

	/**
	 * Create a composite.
	 * @param resolvers the resolvers, in the order they are consulted
	 */
	public CoapHandlerMethodArgumentResolverComposite(List<? extends CoapHandlerMethodArgumentResolver> resolvers) {
		Assert.notNull(resolvers, "'resolvers' must not be null");
		this.resolvers = List.copyOf(resolvers);
	}

	/**
	 * Return the resolvers, in the order they are consulted.
	 * @return the resolvers
	 */
	public List<CoapHandlerMethodArgumentResolver> getResolvers() {
		return Collections.unmodifiableList(new ArrayList<>(this.resolvers));
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return getResolver(parameter) != null;
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, CoapRequest request) throws Exception {
		CoapHandlerMethodArgumentResolver resolver = getResolver(parameter);
		if (resolver == null) {
			throw new IllegalStateException("No CoapHandlerMethodArgumentResolver for parameter '"
					+ parameter.getParameterName() + "' of " + parameter.getExecutable());
		}
		return resolver.resolveArgument(parameter, request);
	}

	/**
	 * Return the first resolver that supports a parameter, remembered per parameter.
	 * @param parameter the parameter
	 * @return the resolver, or {@code null} if none supports it
	 */
	public @Nullable CoapHandlerMethodArgumentResolver getResolver(MethodParameter parameter) {
		CoapHandlerMethodArgumentResolver resolver = this.cache.get(parameter);
		if (resolver == null) {
			for (CoapHandlerMethodArgumentResolver candidate : this.resolvers) {
				if (candidate.supportsParameter(parameter)) {
					resolver = candidate;
					this.cache.put(parameter, candidate);
					break;
				}
			}
		}
		return resolver;
	}

}
