package io.coapspring.sample.dashboard;

import java.util.List;

/**
 * A line of the chart: an observed resource and the readings kept of it.
 *
 * @param id the identifier, {@code coap:sensor/1} for instance
 * @param label what the chart calls it
 * @param unit the unit of the values
 * @param source the observed resource, {@code coap://127.0.0.1:5683/sensors/1/celsius} or
 * {@code lwm2m:sample-device/3/0/9}
 * @param points the readings kept, oldest first, as {@code [time, value]} pairs
 * @since 0.1.0
 */
public record Series(String id, String label, String unit, String source, List<double[]> points) {

	Series withPoints(List<double[]> points) {
		return new Series(this.id, this.label, this.unit, this.source, points);
	}

}
