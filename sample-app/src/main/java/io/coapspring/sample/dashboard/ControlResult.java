package io.coapspring.sample.dashboard;

import org.jspecify.annotations.Nullable;

/**
 * What a device answered to a control of the dashboard.
 *
 * @param protocol {@code CoAP} or {@code LWM2M}
 * @param request what was asked, {@code PUT coap://127.0.0.1:5683/sensors/1/threshold} for instance
 * @param code the response code, {@code 2.04 CHANGED} for instance, or {@code TIMEOUT}
 * @param success whether the device did it
 * @param diagnostic the device's diagnostic when it did not
 * @param state what the device reports afterwards, when it is read back
 * @since 0.1.0
 */
public record ControlResult(String protocol, String request, String code, boolean success,
		@Nullable String diagnostic, @Nullable Object state) {
}
