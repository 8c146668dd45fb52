package io.coapspring.sample.dashboard;

/**
 * One point of the chart: a reading of an observed resource, as the chart receives it.
 *
 * @param series the identifier of the series (a line of the chart)
 * @param time when it arrived, in milliseconds since the epoch
 * @param value the value
 * @since 0.1.0
 */
public record ChartPoint(String series, long time, double value) {
}
