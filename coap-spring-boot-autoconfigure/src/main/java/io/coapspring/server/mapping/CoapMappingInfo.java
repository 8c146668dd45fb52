package io.coapspring.server.mapping;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.coapspring.annotation.CoapMethod;
import io.coapspring.convert.CoapContentFormats;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The resolved mapping of one handler method: type and method level {@code @CoapMapping} combined,
 * placeholders resolved and Content-Formats turned into numbers.
 *
 * @param patterns the path patterns, at least one
 * @param methods the methods mapped, never empty
 * @param consumes the Content-Formats read, empty for any
 * @param produces the Content-Formats produced, the default first, empty for any
 * @param observable whether GET and FETCH requests may observe the resource
 * @param discoverable whether the resource is listed in {@code /.well-known/core}
 * @param discoverAsTemplate whether the deprecated {@code discoverAsTemplate} was set (discovery never lists a
 * template, and warns of it)
 * @param resourceTypes the {@code rt} values
 * @param interfaceDescriptions the {@code if} values
 * @param title the {@code title}, or {@code null}
 * @param size the {@code sz} hint, negative for none
 * @param etag whether responses carry an automatic ETag
 * @param maxAge the Max-Age in seconds, negative for none
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record CoapMappingInfo(List<CoapPathPattern> patterns, Set<CoapMethod> methods, List<Integer> consumes,
		List<Integer> produces, boolean observable, boolean discoverable, boolean discoverAsTemplate,
		List<String> resourceTypes, List<String> interfaceDescriptions, @Nullable String title, long size,
		boolean etag, long maxAge) {

	/**
	 * Validate and copy the components.
	 */
	public CoapMappingInfo {
		Assert.notEmpty(patterns, "'patterns' must not be empty");
		Assert.notEmpty(methods, "'methods' must not be empty");
		patterns = List.copyOf(patterns);
		methods = Set.copyOf(EnumSet.copyOf(methods));
		consumes = List.copyOf(consumes);
		produces = List.copyOf(produces);
		resourceTypes = List.copyOf(resourceTypes);
		interfaceDescriptions = List.copyOf(interfaceDescriptions);
	}

	/**
	 * Return whether the resource may be observed with the given method.
	 * @param method the request method
	 * @return {@code true} if the mapping is observable and the method is GET or FETCH
	 */
	public boolean isObservable(CoapMethod method) {
		return this.observable && method.isRetrieval() && this.methods.contains(method);
	}

	/**
	 * Return whether a request with the given Content-Format can be read.
	 * @param contentFormat the request's Content-Format, negative if it has none
	 * @param hasPayload whether the request has a payload
	 * @return {@code true} if the mapping consumes any format, the format is listed, or the request has
	 * neither payload nor Content-Format
	 */
	public boolean consumes(int contentFormat, boolean hasPayload) {
		if (this.consumes.isEmpty()) {
			return true;
		}
		if (contentFormat < 0) {
			return !hasPayload;
		}
		return this.consumes.contains(contentFormat);
	}

	/**
	 * Return whether the mapping can produce the Content-Format a request accepts. RFC 9290 concise problem
	 * details (257) are accepted by every mapping: they are how a client asks for its errors in that format, so
	 * the handler runs and its errors are answered as problem details (a successful body gets 4.06).
	 * @param accept the request's Accept option, negative if it has none
	 * @return {@code true} if there is no Accept, it asks for problem details, the mapping produces any format,
	 * or the format is listed
	 */
	public boolean produces(int accept) {
		return accept < 0 || accept == CoapContentFormats.PROBLEM_DETAILS_CBOR || this.produces.isEmpty()
				|| this.produces.contains(accept);
	}

}
