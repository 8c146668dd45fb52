/**
 * Typed LWM2M objects: {@link io.coapspring.lwm2m.object.Lwm2mObject @Lwm2mObject} records and classes, checked
 * against the object model and read and written through {@link io.coapspring.lwm2m.object.Lwm2mObjectTemplate}.
 */
@NullMarked
package io.coapspring.lwm2m.object;

import org.jspecify.annotations.NullMarked;
