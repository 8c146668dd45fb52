package io.coapspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;

/**
 * Maps CoAP requests to a handler method of a {@link CoapController @CoapController}, and describes the
 * resource for {@code /.well-known/core} discovery (RFC 6690).
 * <p>
 * On the type, the mapping applies to every handler method: paths are prefixed, methods are added,
 * {@code consumes}, {@code produces}, {@code resourceType}, {@code interfaceDescription}, {@code title},
 * {@code size} and {@code maxAge} are defaults that the method may override, {@code observable} and
 * {@code etag} are switched on for every method when set on the type, and {@code discoverable = false} hides
 * every method. All string attributes may use {@code ${...}} placeholders.
 * <p>
 * Paths are literal segments, {@code {name}} (one segment), {@code {name:regex}} (one segment matching the
 * regular expression) and, as the last segment, {@code {*name}} (the rest of the path, possibly empty). When
 * several mappings match a request the most specific one wins: see the reference documentation.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 * @see CoapGetMapping
 * @see CoapPostMapping
 * @see CoapPutMapping
 * @see CoapDeleteMapping
 * @see CoapFetchMapping
 * @see CoapPatchMapping
 * @see CoapIPatchMapping
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CoapMapping {

	/**
	 * Alias for {@link #path()}.
	 * @return the paths
	 */
	@AliasFor("path")
	String[] value() default {};

	/**
	 * The paths mapped, for instance {@code /sensors/{id}}; empty for the type's path (or {@code /}).
	 * @return the paths
	 */
	@AliasFor("value")
	String[] path() default {};

	/**
	 * The methods mapped; empty for all seven.
	 * @return the methods
	 */
	CoapMethod[] method() default {};

	/**
	 * The Content-Formats of request payloads the method reads, as media types ({@code application/json}),
	 * numbers ({@code "50"}) or custom {@code CoapContentFormat} names. A request with another Content-Format
	 * gets 4.15 Unsupported Content-Format. Empty for any format a converter reads.
	 * @return the consumed Content-Formats
	 */
	String[] consumes() default {};

	/**
	 * The Content-Formats the method produces, the first being the default when the request has no Accept
	 * option. A request whose Accept option is not among them gets 4.06 Not Acceptable. Empty for any format a
	 * converter writes. Listed as {@code ct} in discovery.
	 * @return the produced Content-Formats
	 */
	String[] produces() default {};

	/**
	 * Whether clients may observe the resource (RFC 7641) with GET or FETCH. Listed as {@code obs} in
	 * discovery.
	 * @return whether the resource is observable
	 */
	boolean observable() default false;

	/**
	 * Whether the resource is listed in {@code /.well-known/core}.
	 * @return whether the resource is discoverable
	 */
	boolean discoverable() default true;

	/**
	 * Ignored: a path with variables is never listed in {@code /.well-known/core} as its template (such as
	 * {@code </sensors/{id}>}, which is no valid RFC 6690 link target); a
	 * {@link io.coapspring.server.discovery.CoapLinkInstances CoapLinkInstances} bean lists its instances instead.
	 * @return ignored
	 * @deprecated since 0.1.0, in favour of {@link io.coapspring.server.discovery.CoapLinkInstances}
	 */
	@Deprecated(since = "0.1.0")
	boolean discoverAsTemplate() default false;

	/**
	 * Resource types, listed as {@code rt} in discovery.
	 * @return the resource types
	 */
	String[] resourceType() default {};

	/**
	 * Interface descriptions, listed as {@code if} in discovery.
	 * @return the interface descriptions
	 */
	String[] interfaceDescription() default {};

	/**
	 * A human-readable title, listed as {@code title} in discovery.
	 * @return the title
	 */
	String title() default "";

	/**
	 * Estimated size of the representation in bytes, listed as {@code sz} in discovery; negative for none.
	 * @return the size hint
	 */
	long size() default -1;

	/**
	 * Whether GET and FETCH responses carry an ETag computed from the payload, so that a request carrying
	 * that ETag gets 2.03 Valid without payload.
	 * @return whether automatic ETags are on
	 */
	boolean etag() default false;

	/**
	 * Max-Age of 2.05 Content and 2.03 Valid responses in seconds; negative for none (CoAP's implicit 60 seconds).
	 * @return the Max-Age
	 */
	long maxAge() default -1;

}
