/**
 * Device management operations on LWM2M clients: {@link io.coapspring.lwm2m.core.Lwm2mOperations}, its template, values and exceptions.
 */
@NullMarked
package io.coapspring.lwm2m.core;

import org.jspecify.annotations.NullMarked;
