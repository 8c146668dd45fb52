package io.coapspring.lwm2m.object;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maps a record component or field of an {@link Lwm2mObject @Lwm2mObject} type to a resource. Java types:
 * {@code String} (String, object link {@code "3:0"}, CoRE link), {@code int}/{@code long} and their boxes
 * (Integer, Unsigned Integer), {@code double}/{@code float} (Float), {@code boolean} (Boolean), {@code Instant}
 * (Time), {@code byte[]} (Opaque), {@code Map<Integer, T>} for a multiple resource. A boxed or reference type may
 * be {@code null}: not read back, not written.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Lwm2mResource {

	/**
	 * The resource id.
	 * @return the resource id
	 */
	int value();

}
