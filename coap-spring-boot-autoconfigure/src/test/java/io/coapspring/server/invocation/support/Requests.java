package io.coapspring.server.invocation.support;

import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.util.Map;

import io.coapspring.server.invocation.CoapRequest;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.elements.AddressEndpointContext;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.SynthesizingMethodParameter;
import org.springframework.util.ReflectionUtils;

/**
 * Requests and method parameters for the unit tests of the built-in resolvers and handlers. Parameters are
 * synthesizing, as those of {@code CoapHandlerMethod} are, so that {@code @AliasFor} attributes apply.
 */
final class Requests {

	private Requests() {
	}

	static CoapRequest view(Request request) {
		return view(request, Map.of());
	}

	static CoapRequest view(Request request, Map<String, String> pathVariables) {
		request.setSourceContext(new AddressEndpointContext(new InetSocketAddress("127.0.0.1", 5683)));
		return new CoapRequest(request, pathVariables, null);
	}

	static MethodParameter parameter(Class<?> type, String methodName, int index) {
		return SynthesizingMethodParameter.forExecutable(method(type, methodName), index);
	}

	static MethodParameter returnType(Class<?> type, String methodName) {
		return SynthesizingMethodParameter.forExecutable(method(type, methodName), -1);
	}

	private static Method method(Class<?> type, String name) {
		for (Method method : ReflectionUtils.getDeclaredMethods(type)) {
			if (method.getName().equals(name)) {
				return method;
			}
		}
		throw new IllegalArgumentException("No method " + name + " in " + type);
	}

}
