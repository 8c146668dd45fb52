/**
 * Auto-configuration of the LWM2M server ({@code coap.lwm2m.server.*}).
 */
@NullMarked
package io.coapspring.lwm2m.autoconfigure;

import org.jspecify.annotations.NullMarked;
