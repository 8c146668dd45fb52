package io.coapspring.lwm2m.core;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import org.eclipse.leshan.core.model.ResourceModel;
import org.eclipse.leshan.core.util.datatype.ULong;
import org.jspecify.annotations.Nullable;

/**
 * Checks a value against the {@code RangeEnumeration} of its resource model: {@code min..max} or
 * {@code min-max} bounds a number (or the length of a string or opaque value), a comma-separated list enumerates
 * the allowed values. Range texts this class cannot read are not enforced.
 *
 * @author CoAP Spring Boot team
 */
final class Lwm2mRanges {

	private Lwm2mRanges() {
	}

	/**
	 * Check a converted value.
	 * @param resource the resource model
	 * @param value the value in Leshan's representation
	 * @return a description of the problem, or {@code null} if the value is allowed
	 */
	static @Nullable String check(ResourceModel resource, Object value) {
		String range = (resource.rangeEnumeration != null) ? resource.rangeEnumeration.trim() : "";
		if (range.isEmpty()) {
			return null;
		}
		Double measure = measure(value);
		if (measure == null) {
			return null;
		}
		double[] bounds = bounds(range);
		if (bounds != null) {
			if (measure < bounds[0] || measure > bounds[1]) {
				String what = (value instanceof String || value instanceof byte[]) ? "length " + measure.longValue()
						: String.valueOf(display(value));
				return what + " is outside the range " + range;
			}
			return null;
		}
		if (range.contains(",") && !(value instanceof String || value instanceof byte[])) {
			for (String allowed : range.split(",")) {
				try {
					if (Double.parseDouble(allowed.trim()) == measure) {
						return null;
					}
				}
				catch (NumberFormatException ex) {
					return null;
				}
			}
			return display(value) + " is not one of " + range;
		}
		return null;
	}

	private static Object display(Object value) {
		return (value instanceof Double d && d == Math.rint(d)) ? (Object) d.longValue() : value;
	}

	private static @Nullable Double measure(Object value) {
		if (value instanceof Long || value instanceof Double) {
			return ((Number) value).doubleValue();
		}
		if (value instanceof ULong unsigned) {
			return unsigned.doubleValue();
		}
		if (value instanceof String text) {
			return (double) text.getBytes(StandardCharsets.UTF_8).length;
		}
		if (value instanceof byte[] bytes) {
			return (double) bytes.length;
		}
		if (value instanceof Date) {
			return null;
		}
		return null;
	}

	private static double @Nullable [] bounds(String range) {
		String separator = range.contains("..") ? ".." : null;
		if (separator == null) {
			int dash = range.indexOf('-', 1);
			if (dash < 0) {
				return null;
			}
			return parse(range.substring(0, dash), range.substring(dash + 1));
		}
		int at = range.indexOf(separator);
		return parse(range.substring(0, at), range.substring(at + separator.length()));
	}

	private static double @Nullable [] parse(String low, String high) {
		try {
			return new double[] { Double.parseDouble(low.trim()), Double.parseDouble(high.trim()) };
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
