package io.coapspring.server.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.coapspring.server.mapping.CoapPathPattern;

import org.springframework.util.Assert;

/**
 * The concrete resources of a mapping whose path has variables, listed in {@code /.well-known/core} as ordinary
 * links: a bean of this type for {@code /sensors/{id}} that supplies the current ids makes discovery list
 * {@code </sensors/1>}, {@code </sensors/2>}, ... each with the attributes of the mapping ({@code ct},
 * {@code rt}, {@code if}, {@code title}, {@code obs}) and its own. A pattern with variables is never listed as
 * a template, since {@code </sensors/{id}>} is no valid RFC 6690 target.
 * <pre class="code">
 * &#64;Bean
 * CoapLinkInstances sensorLinks(SensorService sensors) {
 * 	return CoapLinkInstances.of("/sensors/{id}", () -&gt; sensors.findAll()
 * 		.stream()
 * 		.map((sensor) -&gt; CoapLinkInstance.of(sensor.id()).withTitle(sensor.name()))
 * 		.toList());
 * }
 * </pre>
 * <p>
 * The pattern is the full path of a discoverable mapping, type-level prefix included, as in the
 * {@code coap.mappings} actuator endpoint; one that matches none fails the start-up. The instances are asked
 * for on every discovery request (unicast, multicast, and through {@link CoapDiscoveryLinks} for a Resource
 * Directory), on the server's threads: supply them from memory or a cache. An instance whose values cannot
 * form a path of the pattern (a value that does not match {@code {name:regex}}, a missing variable) is left out
 * with a warning, and so are the instances of a supplier that throws.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 * @see CoapLinkInstance
 */
public interface CoapLinkInstances {

	/**
	 * Return the path pattern of the mapping, for instance {@code /sensors/{id}}.
	 * @return the pattern
	 */
	String getPattern();

	/**
	 * Return the current instances.
	 * @return the instances
	 */
	List<CoapLinkInstance> getInstances();

	/**
	 * Create the instances of a pattern from a supplier called on every discovery request. Its elements are
	 * {@link CoapLinkInstance}s, {@code Map}s of variable values by name, or, for a pattern with one variable,
	 * its value ({@link String#valueOf(Object)} of the element: an id, a number, ...).
	 * @param pattern the path pattern of a discoverable mapping, for instance {@code /sensors/{id}}
	 * @param instances the supplier of the current instances
	 * @return the instances of the pattern
	 * @throws IllegalArgumentException if the pattern is malformed or has no variables
	 */
	static CoapLinkInstances of(String pattern, Supplier<? extends Iterable<?>> instances) {
		Assert.notNull(pattern, "'pattern' must not be null");
		Assert.notNull(instances, "'instances' must not be null");
		CoapPathPattern parsed = CoapPathPattern.parse(pattern);
		Assert.isTrue(parsed.hasVariables(),
				() -> "'" + pattern + "' has no variables: a literal path is listed in discovery as it is");
		String normalized = parsed.getPattern();
		return new CoapLinkInstances() {

			@Override
			public String getPattern() {
				return normalized;
			}

			@Override
			public List<CoapLinkInstance> getInstances() {
				Iterable<?> supplied = instances.get();
				List<CoapLinkInstance> result = new ArrayList<>();
				if (supplied != null) {
					for (Object element : supplied) {
						result.add(instance(element));
					}
				}
				return result;
			}

			@Override
			public String toString() {
				return "CoapLinkInstances[" + normalized + "]";
			}

		};
	}

	private static CoapLinkInstance instance(Object element) {
		Assert.notNull(element, "an instance must not be null");
		if (element instanceof CoapLinkInstance instance) {
			return instance;
		}
		if (element instanceof Map<?, ?> map) {
			Map<String, Object> variables = new LinkedHashMap<>();
			map.forEach((name, value) -> variables.put(String.valueOf(name), value));
			return CoapLinkInstance.of(variables);
		}
		return CoapLinkInstance.of(String.valueOf(element));
	}

}
