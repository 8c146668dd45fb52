package io.coapspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a handler method, or every handler method of a {@link CoapController}, only answers requests
 * protected with OSCORE (RFC 8613):
 *
 * <pre class="code">
 * &#64;CoapOscoreRequired
 * &#64;CoapPutMapping("/valve")
 * void open(&#64;CoapPayload String state) {
 *     this.valve.set(state);
 * }
 * </pre>
 *
 * A request that did not come through an OSCORE security context is answered with 4.01 Unauthorized, as RFC
 * 8613 section 8.2 lets a server answer an unprotected request to a protected resource, and the method is not
 * invoked. Protected requests to methods without the annotation are processed normally. The paths of
 * {@code coap.oscore.required-paths} are required to be protected too. It needs {@code coap.oscore.enabled=true}
 * and {@code org.eclipse.californium:cf-oscore}; without them no request is protected and these methods answer
 * every request with 4.01.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CoapOscoreRequired {

}
