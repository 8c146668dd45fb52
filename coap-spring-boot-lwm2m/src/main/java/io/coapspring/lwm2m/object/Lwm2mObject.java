package io.coapspring.lwm2m.object;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a Java record (or a class with a no-argument constructor) to an LWM2M object: an instance of the type is
 * one object instance, its {@link Lwm2mResource @Lwm2mResource} components or fields are resources.
 *
 * <pre class="code">
 * &#64;Lwm2mObject(3)
 * record Device(&#64;Lwm2mResource(0) String manufacturer, &#64;Lwm2mResource(1) String model,
 * 		&#64;Lwm2mResource(9) &#64;Nullable Integer batteryLevel, &#64;Lwm2mResource(14) &#64;Nullable String utcOffset) {
 * }
 * </pre>
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Lwm2mObject {

	/**
	 * The object id, for instance {@code 3} for Device.
	 * @return the object id
	 */
	int value();

}
