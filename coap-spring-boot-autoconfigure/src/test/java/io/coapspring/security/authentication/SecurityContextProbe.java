package io.coapspring.security.authentication;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.coapspring.server.invocation.CoapHandlerInterceptor.Invocation;
import io.coapspring.server.invocation.CoapRequest;
import io.coapspring.server.mapping.CoapHandlerMethod;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Records, from outside the security interceptor, the authentication of the handler thread before and after
 * each invocation.
 */
class SecurityContextProbe {

	final List<@Nullable Authentication> before = new CopyOnWriteArrayList<>();

	final List<@Nullable Authentication> after = new CopyOnWriteArrayList<>();

	@Nullable Object intercept(CoapRequest request, CoapHandlerMethod handlerMethod, Invocation invocation)
			throws Exception {
		this.before.add(SecurityContextHolder.getContext().getAuthentication());
		try {
			return invocation.proceed();
		}
		finally {
			this.after.add(SecurityContextHolder.getContext().getAuthentication());
			SecurityContextHolder.clearContext();
		}
	}

}
