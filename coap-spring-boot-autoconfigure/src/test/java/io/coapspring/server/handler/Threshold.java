package io.coapspring.server.handler;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * A validated payload of the end-to-end tests.
 *
 * @param unit the unit
 * @param limit the limit, 0 to 100
 */
record Threshold(@NotBlank String unit, @Min(0) @Max(100) int limit) {
}
