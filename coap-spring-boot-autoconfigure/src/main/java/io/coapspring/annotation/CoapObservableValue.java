package io.coapspring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the accessor (a method without parameters) or the field of a response body type whose value the
 * conditional attributes of an observer ({@code gt}, {@code lt}, {@code st}, {@code band}, {@code edge}) compare,
 * for a body that is not itself a number or a boolean:
 *
 * <pre class="code">
 * record Reading(&#64;CoapObservableValue double celsius, String unit) { }
 * </pre>
 *
 * The annotated member must hold a {@link Number}, a {@link Boolean}, a primitive of either kind, or text that
 * parses as one of them.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Target({ ElementType.METHOD, ElementType.FIELD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CoapObservableValue {

}
