package io.coapspring.benchmarks.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.util.Assert;

/**
 * Median, minimum and maximum of the values of repeated runs.
 *
 * @param median the median (the mean of the two middle values for an even count)
 * @param min the smallest value
 * @param max the largest value
 * @param count how many values
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record Summary(double median, double min, double max, int count) {

	/**
	 * Summarize values.
	 * @param values at least one value
	 * @return the summary
	 */
	public static Summary of(List<Double> values) {
		Assert.notEmpty(values, "'values' must not be empty");
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int n = sorted.size();
		double median = (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		return new Summary(median, sorted.get(0), sorted.get(n - 1), n);
	}

	/**
	 * Format as {@code "median [min–max]"} with the given pattern for each number.
	 * @param pattern a {@link String#format} pattern for one number
	 * @return the text
	 */
	public String format(String pattern) {
		if (this.count == 1) {
			return String.format(pattern, this.median);
		}
		return String.format(pattern, this.median) + " [" + String.format(pattern, this.min) + "–"
				+ String.format(pattern, this.max) + "]";
	}

}
