package io.coapspring.server.function;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.coapspring.annotation.CoapMethod;

import org.springframework.util.Assert;

/**
 * Creates {@link CoapRequestPredicate}s, the counterpart of WebMvc.fn's {@code RequestPredicates}: on the
 * method, the path pattern (literal segments, {@code {var}}, {@code {*rest}} as for handler methods), the
 * Content-Format of the payload, the Accept option, options and query parameters.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapRequestPredicates {

	private CoapRequestPredicates() {
	}

	/**
	 * Match any request.
	 * @return the predicate
	 */
	public static CoapRequestPredicate all() {
		return new CoapRequestPredicate(null, Set.of(), List.of(), List.of(), List.of());
	}

	/**
	 * Match requests with one of the given methods.
	 * @param methods the methods
	 * @return the predicate
	 */
	public static CoapRequestPredicate method(CoapMethod... methods) {
		Assert.notEmpty(methods, "'methods' must not be empty");
		return new CoapRequestPredicate(null, EnumSet.copyOf(Arrays.asList(methods)), List.of(), List.of(),
				List.of());
	}

	/**
	 * Match requests to a path pattern.
	 * @param pattern the pattern, for instance {@code /sensors/{id}}
	 * @return the predicate
	 */
	public static CoapRequestPredicate path(String pattern) {
		Assert.notNull(pattern, "'pattern' must not be null");
		return new CoapRequestPredicate(pattern, Set.of(), List.of(), List.of(), List.of());
	}

	/**
	 * Match GET requests to a path pattern.
	 * @param pattern the pattern
	 * @return the predicate
	 */
	public static CoapRequestPredicate GET(String pattern) {
		return path(pattern).and(method(CoapMethod.GET));
	}

	/**
	 * Match PUT requests to a path pattern.
	 * @param pattern the pattern
	 * @return the predicate
	 */
	public static CoapRequestPredicate PUT(String pattern) {
		return path(pattern).and(method(CoapMethod.PUT));
	}

	/**
	 * Match POST requests to a path pattern.
	 * @param pattern the pattern
	 * @return the predicate
	 */
	public static CoapRequestPredicate POST(String pattern) {
		return path(pattern).and(method(CoapMethod.POST));
	}

	/**
	 * Match DELETE requests to a path pattern.
	 * @param pattern the pattern
	 * @return the predicate
	 */
	public static CoapRequestPredicate DELETE(String pattern) {
		return path(pattern).and(method(CoapMethod.DELETE));
	}

	/**
	 * Match requests whose payload has one of the given Content-Formats (or that have no payload).
	 * @param contentFormats the format numbers
	 * @return the predicate
	 */
	public static CoapRequestPredicate contentFormat(int... contentFormats) {
		Assert.isTrue(contentFormats.length > 0, "'contentFormats' must not be empty");
		return new CoapRequestPredicate(null, Set.of(), Arrays.stream(contentFormats).boxed().toList(), List.of(),
				List.of());
	}

	/**
	 * Match requests that accept one of the given Content-Formats (or have no Accept option); the first is what
	 * the route produces by default.
	 * @param contentFormats the format numbers
	 * @return the predicate
	 */
	public static CoapRequestPredicate accept(int... contentFormats) {
		Assert.isTrue(contentFormats.length > 0, "'contentFormats' must not be empty");
		return new CoapRequestPredicate(null, Set.of(), List.of(), Arrays.stream(contentFormats).boxed().toList(),
				List.of());
	}

	/**
	 * Match requests that carry an option.
	 * @param number the option number
	 * @return the predicate
	 */
	public static CoapRequestPredicate option(int number) {
		return condition("option " + number, (request) -> request.options().hasOption(number));
	}

	/**
	 * Match requests that carry an option with a string value.
	 * @param number the option number
	 * @param value the value
	 * @return the predicate
	 */
	public static CoapRequestPredicate option(int number, String value) {
		Assert.notNull(value, "'value' must not be null");
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		return condition("option " + number + "=" + value, (request) -> request.option(number)
			.map((option) -> Arrays.equals(bytes, option.getValue()))
			.orElse(false));
	}

	/**
	 * Match requests with a query parameter of a value.
	 * @param name the name
	 * @param value the value
	 * @return the predicate
	 */
	public static CoapRequestPredicate queryParam(String name, String value) {
		Assert.notNull(name, "'name' must not be null");
		Assert.notNull(value, "'value' must not be null");
		return condition("?" + name + "=" + value, (request) -> request.param(name).filter(value::equals).isPresent());
	}

	/**
	 * Match requests that pass a test, evaluated per request after the path, method and formats matched.
	 * @param description what the test requires, for messages
	 * @param test the test
	 * @return the predicate
	 */
	public static CoapRequestPredicate condition(String description, Predicate<CoapServerRequest> test) {
		Assert.notNull(description, "'description' must not be null");
		Assert.notNull(test, "'test' must not be null");
		return new CoapRequestPredicate(null, Set.of(), List.of(), List.of(),
				List.of(new CoapRequestPredicate.Condition(description, test)));
	}

}
