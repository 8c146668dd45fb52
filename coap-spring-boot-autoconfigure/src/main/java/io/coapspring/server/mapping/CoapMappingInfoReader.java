package io.coapspring.server.mapping;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.coapspring.annotation.CoapMapping;
import io.coapspring.annotation.CoapMethod;
import io.coapspring.convert.CoapContentFormats;
import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.Assert;
import org.springframework.util.StringValueResolver;

/**
 * Reads the {@link CoapMapping @CoapMapping} (or a shortcut such as {@code @CoapGetMapping}) of a handler
 * method and of its class, and combines them into a {@link CoapMappingInfo}: paths are concatenated,
 * methods added up, the other attributes taken from the method when it sets them and from the class
 * otherwise; {@code ${...}} placeholders are resolved and Content-Formats turned into numbers.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapMappingInfoReader {

	private final CoapContentFormats contentFormats;

	private final @Nullable StringValueResolver placeholderResolver;

	/**
	 * Create a reader.
	 * @param contentFormats resolves Content-Format names
	 * @param placeholderResolver resolves {@code ${...}} placeholders, or {@code null}
	 */
	public CoapMappingInfoReader(CoapContentFormats contentFormats, @Nullable StringValueResolver placeholderResolver) {
		Assert.notNull(contentFormats, "'contentFormats' must not be null");
		this.contentFormats = contentFormats;
		this.placeholderResolver = placeholderResolver;
	}

	/**
	 * Read the mapping of a method.
	 * @param method the method
	 * @param handlerType the user class of the controller
	 * @return the mapping, or {@code null} if the method is not mapped
	 * @throws IllegalStateException if the mapping is invalid, naming the method
	 */
	public @Nullable CoapMappingInfo read(Method method, Class<?> handlerType) {
		CoapMapping methodMapping = AnnotatedElementUtils.findMergedAnnotation(method, CoapMapping.class);
		if (methodMapping == null) {
			return null;
		}
		CoapMapping typeMapping = AnnotatedElementUtils.findMergedAnnotation(handlerType, CoapMapping.class);
		String where = handlerType.getSimpleName() + "#" + method.getName();
		try {
			return combine(typeMapping, methodMapping, where);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Invalid CoAP mapping of " + where + ": " + ex.getMessage(), ex);
		}
	}

	private CoapMappingInfo combine(@Nullable CoapMapping type, CoapMapping method, String where) {
		List<CoapPathPattern> patterns = new ArrayList<>();
		for (String typePath : paths(type)) {
			for (String methodPath : paths(method)) {
				CoapPathPattern pattern = CoapPathPattern.parse(join(resolve(typePath), resolve(methodPath)));
				if (!patterns.contains(pattern)) {
					patterns.add(pattern);
				}
			}
		}
		Set<CoapMethod> methods = EnumSet.noneOf(CoapMethod.class);
		methods.addAll(Arrays.asList(method.method()));
		if (type != null) {
			methods.addAll(Arrays.asList(type.method()));
		}
		if (methods.isEmpty()) {
			methods.addAll(EnumSet.allOf(CoapMethod.class));
		}
		if (method.observable() && methods.stream().noneMatch(CoapMethod::isRetrieval)) {
			throw new IllegalArgumentException("observable applies to GET and FETCH only, but " + where
					+ " is mapped to " + methods);
		}
		return new CoapMappingInfo(patterns, methods, formats(type, method, true), formats(type, method, false),
				method.observable() || (type != null && type.observable()),
				method.discoverable() && (type == null || type.discoverable()),
				method.discoverAsTemplate() || (type != null && type.discoverAsTemplate()),
				strings(method.resourceType(), (type != null) ? type.resourceType() : new String[0]),
				strings(method.interfaceDescription(), (type != null) ? type.interfaceDescription() : new String[0]),
				title(type, method), (method.size() >= 0) ? method.size() : (type != null) ? type.size() : -1,
				method.etag() || (type != null && type.etag()),
				(method.maxAge() >= 0) ? method.maxAge() : (type != null) ? type.maxAge() : -1);
	}

	private static String join(String typePath, String methodPath) {
		String type = trimSlashes(typePath);
		String method = trimSlashes(methodPath);
		if (type.isEmpty() || method.isEmpty()) {
			return "/" + type + method;
		}
		return "/" + type + "/" + method;
	}

	private static String trimSlashes(String path) {
		int start = 0;
		int end = path.length();
		while (start < end && path.charAt(start) == '/') {
			start++;
		}
		while (end > start && path.charAt(end - 1) == '/') {
			end--;
		}
		return path.substring(start, end);
	}

	private static String[] paths(@Nullable CoapMapping mapping) {
		return (mapping == null || mapping.path().length == 0) ? new String[] { "" } : mapping.path();
	}

	private List<Integer> formats(@Nullable CoapMapping type, CoapMapping method, boolean consumes) {
		String[] values = consumes ? method.consumes() : method.produces();
		if (values.length == 0 && type != null) {
			values = consumes ? type.consumes() : type.produces();
		}
		Set<Integer> formats = new LinkedHashSet<>();
		for (String value : values) {
			formats.add(this.contentFormats.resolve(resolve(value)));
		}
		return new ArrayList<>(formats);
	}

	private List<String> strings(String[] method, String[] type) {
		String[] values = (method.length > 0) ? method : type;
		List<String> resolved = new ArrayList<>(values.length);
		for (String value : values) {
			resolved.add(resolve(value));
		}
		return resolved;
	}

	private @Nullable String title(@Nullable CoapMapping type, CoapMapping method) {
		String title = !method.title().isEmpty() ? method.title() : (type != null) ? type.title() : "";
		return title.isEmpty() ? null : resolve(title);
	}

	private String resolve(String value) {
		if (this.placeholderResolver == null || value.indexOf('$') < 0) {
			return value;
		}
		String resolved = this.placeholderResolver.resolveStringValue(value);
		return (resolved != null) ? resolved : value;
	}

}
