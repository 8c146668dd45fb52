package io.coapspring.oscore;

import java.util.List;
import java.util.Map;

import io.coapspring.annotation.CoapOscoreRequired;
import io.coapspring.security.OscoreIdentity;
import io.coapspring.server.invocation.CoapHandlerInterceptor;
import io.coapspring.server.invocation.CoapRequest;
import io.coapspring.server.invocation.CoapResponseStatusException;
import io.coapspring.server.mapping.CoapHandlerMethod;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.Assert;
import org.springframework.util.ConcurrentReferenceHashMap;
import org.springframework.util.ConcurrentReferenceHashMap.ReferenceType;

/**
 * Answers an unprotected request to a handler method that requires OSCORE with 4.01 Unauthorized before the
 * method runs (RFC 8613 section 8.2): a method annotated with {@link CoapOscoreRequired} (or of a controller
 * annotated with it), or whose request path matches one of the configured patterns. A request is protected when
 * an OSCORE security context decrypted it, that is when its source endpoint context has an
 * {@link OscoreIdentity}; requests to other methods pass whether protected or not.
 * <p>
 * It runs before the other interceptors, Spring Security's among them.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class OscoreRequiredInterceptor implements CoapHandlerInterceptor, Ordered {

	/**
	 * The payload of the 4.01 answer, as Californium's {@code OSCoreResource} sends it.
	 */
	public static final String OSCORE_ONLY = "The resource is only accessible using OSCORE";

	private final List<String> requiredPaths;

	private final AntPathMatcher matcher = new AntPathMatcher();

	private final @Nullable OscoreCounters counters;

	/**
	 * Whether each handler method is annotated, weakly keyed: routes registered and removed at run time leave
	 * no entry behind once their handler method is gone.
	 */
	private final Map<CoapHandlerMethod, Boolean> annotated = new ConcurrentReferenceHashMap<>(16,
			ReferenceType.WEAK);

	/**
	 * Create an interceptor.
	 * @param requiredPaths Ant-style patterns of the request paths that require OSCORE, such as
	 * {@code /admin/**}
	 * @param counters the counters of rejected requests, or {@code null} not to count
	 */
	public OscoreRequiredInterceptor(List<String> requiredPaths, @Nullable OscoreCounters counters) {
		Assert.notNull(requiredPaths, "'requiredPaths' must not be null");
		this.requiredPaths = List.copyOf(requiredPaths);
		this.counters = counters;
	}

	/**
	 * Apply only to methods that may require OSCORE: annotated ones (or of an annotated controller), or every
	 * method when paths are configured. Without either, as in most applications, the interceptor is never
	 * called.
	 * @param handlerMethod the method
	 * @return whether a request to the method may have to be refused
	 */
	@Override
	public boolean appliesTo(CoapHandlerMethod handlerMethod) {
		return !this.requiredPaths.isEmpty() || isAnnotated(handlerMethod);
	}

	@Override
	public @Nullable Object intercept(CoapRequest request, CoapHandlerMethod handlerMethod, Invocation invocation)
			throws Exception {
		if (requiresOscore(request, handlerMethod) && OscoreIdentity.of(request.unwrap().getSourceContext()) == null) {
			if (this.counters != null) {
				this.counters.unprotectedRejected();
			}
			throw new CoapResponseStatusException(ResponseCode.UNAUTHORIZED, OSCORE_ONLY);
		}
		return invocation.proceed();
	}

	/**
	 * Return whether a request to a handler method must be protected with OSCORE.
	 * @param request the request
	 * @param handlerMethod the method it is mapped to
	 * @return {@code true} if the method or its controller is annotated, or the path matches a pattern
	 */
	protected boolean requiresOscore(CoapRequest request, CoapHandlerMethod handlerMethod) {
		if (isAnnotated(handlerMethod)) {
			return true;
		}
		if (this.requiredPaths.isEmpty()) {
			return false;
		}
		String path = request.getPath();
		for (String pattern : this.requiredPaths) {
			if (this.matcher.match(pattern, path)) {
				return true;
			}
		}
		return false;
	}

	private boolean isAnnotated(CoapHandlerMethod handlerMethod) {
		// one entry per live handler method: bounded by the mappings registered now
		return this.annotated.computeIfAbsent(handlerMethod,
				(method) -> AnnotatedElementUtils.hasAnnotation(method.getMethod(), CoapOscoreRequired.class)
						|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), CoapOscoreRequired.class));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
