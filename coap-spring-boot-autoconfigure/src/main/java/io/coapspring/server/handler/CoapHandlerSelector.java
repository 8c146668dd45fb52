package io.coapspring.server.handler;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.coapspring.annotation.CoapMethod;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.server.mapping.CoapHandlerMapping;
import io.coapspring.server.mapping.CoapHandlerMappingRegistry;
import io.coapspring.server.mapping.CoapMappingInfo;
import io.coapspring.server.mapping.CoapPathMatch;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Selects the mapping that handles a request among those whose path pattern matches it, the most specific
 * pattern first: the first mapping of the method, then of the request's Content-Format, then producing what
 * its Accept option asks for. When none remains the selector says why, with the code the request is answered
 * with: 4.05 Method Not Allowed (also for a method switched off in the registry), 4.15 Unsupported
 * Content-Format or 4.06 Not Acceptable.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapHandlerSelector {

	private final CoapHandlerMappingRegistry registry;

	private final CoapContentFormats contentFormats;

	/**
	 * Create a selector.
	 * @param registry the registry that tells which methods are switched off
	 * @param contentFormats the registry used to name formats in diagnostics
	 */
	public CoapHandlerSelector(CoapHandlerMappingRegistry registry, CoapContentFormats contentFormats) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(contentFormats, "'contentFormats' must not be null");
		this.registry = registry;
		this.contentFormats = contentFormats;
	}

	/**
	 * Select the mapping for a request.
	 * @param matches the matching patterns, the most specific first, not empty
	 * @param method the request method, or {@code null} if the request code is no known method
	 * @param contentFormat the request's Content-Format, -1 if it has none
	 * @param hasPayload whether the request has a payload
	 * @param accept the request's Accept option, -1 if it has none
	 * @return the selection
	 */
	public Selection select(List<CoapPathMatch> matches, @Nullable CoapMethod method, int contentFormat,
			boolean hasPayload, int accept) {
		boolean methodMatched = false;
		boolean formatMatched = false;
		for (CoapPathMatch match : matches) {
			CoapHandlerMapping best = null;
			for (CoapHandlerMapping mapping : match.mappings()) {
				CoapMappingInfo info = mapping.info();
				if (method == null || !info.methods().contains(method)
						|| !this.registry.isEnabled(match.pattern(), method)) {
					continue;
				}
				methodMatched = true;
				if (!info.consumes(contentFormat, hasPayload)) {
					continue;
				}
				formatMatched = true;
				if (!info.produces(accept)) {
					continue;
				}
				if (best == null || preferred(info, best.info())) {
					best = mapping;
				}
			}
			if (best != null) {
				return Selection.of(best, match);
			}
		}
		if (!methodMatched) {
			return Selection.reject(ResponseCode.METHOD_NOT_ALLOWED, "Method " + ((method != null) ? method : "?")
					+ " not allowed; allowed: " + describeMethods(allowedMethods(matches)));
		}
		if (!formatMatched) {
			String actual = (contentFormat < 0) ? "A payload without Content-Format"
					: "Content-Format " + describe(contentFormat);
			return Selection.reject(ResponseCode.UNSUPPORTED_CONTENT_FORMAT, actual + " is not supported; supported: "
					+ describe(formats(matches, method, (info) -> true, CoapMappingInfo::consumes)));
		}
		return Selection.reject(ResponseCode.NOT_ACCEPTABLE, "Cannot produce Content-Format " + describe(accept)
				+ "; available: " + describe(formats(matches, method,
						(info) -> info.consumes(contentFormat, hasPayload), CoapMappingInfo::produces)));
	}

	// only for the diagnostic of a rejection, so that a selection allocates nothing: the formats of the
	// mappings of the method, switched on, that pass the filter
	private Set<Integer> formats(List<CoapPathMatch> matches, @Nullable CoapMethod method,
			Predicate<CoapMappingInfo> filter, Function<CoapMappingInfo, List<Integer>> formats) {
		Set<Integer> all = new LinkedHashSet<>();
		for (CoapPathMatch match : matches) {
			for (CoapHandlerMapping mapping : match.mappings()) {
				if (method != null && mapping.info().methods().contains(method)
						&& this.registry.isEnabled(match.pattern(), method) && filter.test(mapping.info())) {
					all.addAll(formats.apply(mapping.info()));
				}
			}
		}
		return all;
	}

	/**
	 * Return the methods some mapping of the matching patterns handles and that are switched on.
	 * @param matches the matching patterns
	 * @return the methods, in declaration order of {@link CoapMethod}
	 */
	public Set<CoapMethod> allowedMethods(List<CoapPathMatch> matches) {
		Set<CoapMethod> methods = EnumSet.noneOf(CoapMethod.class);
		for (CoapPathMatch match : matches) {
			for (CoapHandlerMapping mapping : match.mappings()) {
				for (CoapMethod method : mapping.info().methods()) {
					if (this.registry.isEnabled(match.pattern(), method)) {
						methods.add(method);
					}
				}
			}
		}
		return methods;
	}

	// Without Accept, a mapping that produces any format or whose default format has the lower number wins,
	// so the choice is the same on every start.
	private static boolean preferred(CoapMappingInfo candidate, CoapMappingInfo current) {
		if (current.produces().isEmpty()) {
			return false;
		}
		if (candidate.produces().isEmpty()) {
			return true;
		}
		return candidate.produces().get(0) < current.produces().get(0);
	}

	private static String describeMethods(Set<CoapMethod> methods) {
		return methods.stream().map(Enum::name).collect(Collectors.joining(", "));
	}

	private String describe(Set<Integer> formats) {
		return formats.isEmpty() ? "none" : formats.stream().map(this::describe).collect(Collectors.joining(", "));
	}

	private String describe(int format) {
		String name = this.contentFormats.name(format);
		return name.equals(String.valueOf(format)) ? name : format + " (" + name + ")";
	}

	/**
	 * The outcome of a selection: a mapping with its path match, or the code and diagnostic to answer with.
	 *
	 * @param mapping the selected mapping, or {@code null} if the request is rejected
	 * @param match the path match of the selected mapping, or {@code null} if the request is rejected
	 * @param rejection the code to answer with, or {@code null} if a mapping was selected
	 * @param diagnostic the diagnostic of a rejection
	 */
	public record Selection(@Nullable CoapHandlerMapping mapping, @Nullable CoapPathMatch match,
			@Nullable ResponseCode rejection, @Nullable String diagnostic) {

		static Selection of(CoapHandlerMapping mapping, CoapPathMatch match) {
			return new Selection(mapping, match, null, null);
		}

		static Selection reject(ResponseCode code, String diagnostic) {
			return new Selection(null, null, code, diagnostic);
		}

	}

}
