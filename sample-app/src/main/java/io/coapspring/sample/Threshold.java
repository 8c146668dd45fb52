package io.coapspring.sample;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Pattern;

/**
 * The alarm threshold of a sensor, validated when it is set over CoAP.
 *
 * @param celsius the temperature above which the sensor alarms, -50 to 150
 * @param direction {@code above} or {@code below}
 */
public record Threshold(@DecimalMin("-50") @DecimalMax("150") double celsius,
		@Pattern(regexp = "above|below") String direction) {
}
