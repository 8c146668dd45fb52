package io.coapspring.benchmarks.servers;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The body of the JSON POST scenario: a sensor reading of about 200 bytes, validated with Bean Validation.
 *
 * @param sensorId the sensor
 * @param type what it measures
 * @param value the measured value
 * @param unit the SenML unit
 * @param timestamp milliseconds since the epoch
 * @param location where the sensor is
 * @param battery battery level in percent
 * @param firmware firmware version
 * @param note free text
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record Reading(@NotBlank @Size(max = 32) String sensorId, @Pattern(regexp = "[a-z-]+") String type,
		@DecimalMin("-273.15") @DecimalMax("1000") double value, @NotBlank String unit, @Positive long timestamp,
		@Size(max = 64) String location, @Min(0) @Max(100) int battery, @NotBlank String firmware,
		@Size(max = 80) String note) {

	/**
	 * The JSON body every JSON POST request carries: 200 bytes, valid.
	 */
	public static final String SAMPLE_JSON = "{\"sensorId\":\"sensor-0042\",\"type\":\"temperature\",\"value\":21.5,"
			+ "\"unit\":\"Cel\",\"timestamp\":1735689600000,\"location\":\"building-7/floor-3/room-312\","
			+ "\"battery\":87,\"firmware\":\"2.4.1\",\"note\":\"periodic reading 1\"}";

}
