package io.coapspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Shortcut for {@code @CoapMapping(method = CoapMethod.POST)}: process the payload; answered 2.04 Changed by
 * default (return a {@code CoapResponseEntity} for 2.01 Created).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 * @see CoapMapping
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@CoapMapping(method = CoapMethod.POST)
public @interface CoapPostMapping {

	/**
	 * Alias for {@link CoapMapping#path()}.
	 * @return the paths
	 */
	@AliasFor(annotation = CoapMapping.class, attribute = "path")
	String[] value() default {};

	/**
	 * The paths mapped.
	 * @return the paths
	 */
	@AliasFor(annotation = CoapMapping.class, attribute = "path")
	String[] path() default {};

	/**
	 * The Content-Formats of request payloads the method reads.
	 * @return the consumed Content-Formats
	 */
	@AliasFor(annotation = CoapMapping.class)
	String[] consumes() default {};

	/**
	 * The Content-Formats the method produces, the first being the default.
	 * @return the produced Content-Formats
	 */
	@AliasFor(annotation = CoapMapping.class)
	String[] produces() default {};

	/**
	 * Whether the resource is listed in {@code /.well-known/core}.
	 * @return whether the resource is discoverable
	 */
	@AliasFor(annotation = CoapMapping.class)
	boolean discoverable() default true;

	/**
	 * Ignored: a path with variables is never listed in {@code /.well-known/core} as its template (such as
	 * {@code </sensors/{id}>}, which is no valid RFC 6690 link target); a
	 * {@link io.coapspring.server.discovery.CoapLinkInstances CoapLinkInstances} bean lists its instances instead.
	 * @return ignored
	 * @deprecated since 0.1.0, in favour of {@link io.coapspring.server.discovery.CoapLinkInstances}
	 */
	@Deprecated(since = "0.1.0")
	@AliasFor(annotation = CoapMapping.class)
	boolean discoverAsTemplate() default false;

	/**
	 * Resource types, listed as {@code rt} in discovery.
	 * @return the resource types
	 */
	@AliasFor(annotation = CoapMapping.class)
	String[] resourceType() default {};

	/**
	 * Interface descriptions, listed as {@code if} in discovery.
	 * @return the interface descriptions
	 */
	@AliasFor(annotation = CoapMapping.class)
	String[] interfaceDescription() default {};

	/**
	 * A human-readable title, listed as {@code title} in discovery.
	 * @return the title
	 */
	@AliasFor(annotation = CoapMapping.class)
	String title() default "";

	/**
	 * Estimated size of the representation in bytes, listed as {@code sz}; negative for none.
	 * @return the size hint
	 */
	@AliasFor(annotation = CoapMapping.class)
	long size() default -1;

	/**
	 * Whether responses carry an automatic ETag computed from the payload.
	 * @return whether automatic ETags are on
	 */
	@AliasFor(annotation = CoapMapping.class)
	boolean etag() default false;

	/**
	 * Max-Age of 2.05 Content and 2.03 Valid responses in seconds; negative for none.
	 * @return the Max-Age
	 */
	@AliasFor(annotation = CoapMapping.class)
	long maxAge() default -1;

}
