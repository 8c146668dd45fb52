package io.coapspring.server.handler;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import io.coapspring.annotation.CoapPayload;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.invocation.CoapHandlerMethodReturnValueHandler;
import io.coapspring.server.invocation.CoapHandlerMethodReturnValueHandlerComposite;
import io.coapspring.server.invocation.support.PayloadReturnValueHandler;
import io.coapspring.server.mapping.CoapHandlerMethod;
import io.coapspring.server.mapping.CoapMappingInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;

/**
 * Checks at start-up that the converters can handle the Content-Formats a mapping declares: every format in
 * {@code consumes} must be readable as the type of the method's {@link CoapPayload @CoapPayload} parameter, and
 * every format in {@code produces} writable from the type the method returns (inside a
 * {@link CoapResponseEntity}, {@link Optional}, {@link CompletionStage} or reactive type). Otherwise every
 * request would be answered with 4.15 or 4.06 although the mapping names the format. A return type handled by an
 * application's own {@link CoapHandlerMethodReturnValueHandler}, or one as general as {@code Object}, is not
 * checked.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapMappingFormatCheck {

	private static final String BUILT_IN_HANDLERS = PayloadReturnValueHandler.class.getPackageName();

	private static final ResolvableType STRING = ResolvableType.forClass(String.class);

	private static final ResolvableType BYTES = ResolvableType.forClass(byte[].class);

	private final CoapMessageConverters converters;

	private final CoapHandlerMethodReturnValueHandlerComposite returnValueHandlers;

	/**
	 * Create a check.
	 * @param converters the converters that read and write payloads
	 * @param returnValueHandlers the return value handlers, to leave the application's own alone
	 */
	public CoapMappingFormatCheck(CoapMessageConverters converters,
			CoapHandlerMethodReturnValueHandlerComposite returnValueHandlers) {
		Assert.notNull(converters, "'converters' must not be null");
		Assert.notNull(returnValueHandlers, "'returnValueHandlers' must not be null");
		this.converters = converters;
		this.returnValueHandlers = returnValueHandlers;
	}

	/**
	 * Check a mapping.
	 * @param handlerMethod the handler method
	 * @param info its mapping
	 * @throws IllegalStateException naming the format and the method if no converter handles a declared format
	 */
	public void check(CoapHandlerMethod handlerMethod, CoapMappingInfo info) {
		CoapContentFormats formats = this.converters.getContentFormats();
		for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
			if (!parameter.hasParameterAnnotation(CoapPayload.class)) {
				continue;
			}
			ResolvableType type = ResolvableType.forMethodParameter(parameter.nestedIfOptional());
			for (int format : info.consumes()) {
				if (!this.converters.canRead(type, format)) {
					throw new IllegalStateException("CoAP handler method " + handlerMethod.getShortDescription()
							+ " consumes Content-Format " + describe(formats, format) + ", but no converter reads it as "
							+ type + ". Declare a CoapMessageConverter bean that does, or remove it from 'consumes'");
				}
			}
		}
		ResolvableType body = bodyType(handlerMethod.getReturnType());
		if (body == null) {
			return;
		}
		for (int format : info.produces()) {
			if (!canWrite(body, format)) {
				throw new IllegalStateException("CoAP handler method " + handlerMethod.getShortDescription()
						+ " produces Content-Format " + describe(formats, format) + ", but no converter writes " + body
						+ " in it. Declare a CoapMessageConverter bean that does, or remove it from 'produces'");
			}
		}
	}

	private boolean canWrite(ResolvableType body, int format) {
		return this.converters.getConverters()
			.stream()
			.anyMatch((converter) -> converter.canWrite(body, format)
					|| (body.isAssignableFrom(STRING) && converter.canWrite(STRING, format))
					|| (body.isAssignableFrom(BYTES) && converter.canWrite(BYTES, format)));
	}

	// the type of the body the method's return value is written from, null when it cannot be known here
	private @Nullable ResolvableType bodyType(MethodParameter returnType) {
		if (!isBuiltIn(returnType)) {
			return null;
		}
		ResolvableType type = ResolvableType.forMethodParameter(returnType);
		for (int depth = 0; depth < 4; depth++) {
			Class<?> raw = type.resolve();
			if (raw == null || raw == Object.class || raw == void.class || raw == Void.class) {
				return null;
			}
			if (CompletionStage.class.isAssignableFrom(raw)) {
				type = type.as(CompletionStage.class).getGeneric(0);
				continue;
			}
			if (Flow.Publisher.class.isAssignableFrom(raw)) {
				type = type.as(Flow.Publisher.class).getGeneric(0);
				continue;
			}
			if (CoapResponseEntity.class.isAssignableFrom(raw)) {
				type = type.as(CoapResponseEntity.class).getGeneric(0);
				continue;
			}
			if (raw == Optional.class || ReactiveAdapterRegistry.getSharedInstance().getAdapter(raw) != null) {
				type = type.getGeneric(0);
				continue;
			}
			return type;
		}
		return null;
	}

	private boolean isBuiltIn(MethodParameter returnType) {
		for (CoapHandlerMethodReturnValueHandler handler : this.returnValueHandlers.getHandlers()) {
			if (handler.supportsReturnType(returnType)) {
				return handler.getClass().getPackageName().equals(BUILT_IN_HANDLERS);
			}
		}
		// a stream, whose elements the built-in handlers write
		return true;
	}

	private static String describe(CoapContentFormats formats, int format) {
		String name = formats.name(format);
		return name.equals(String.valueOf(format)) ? name : format + " (" + name + ")";
	}

}
