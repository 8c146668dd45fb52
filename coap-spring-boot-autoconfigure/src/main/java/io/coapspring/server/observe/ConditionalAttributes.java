package io.coapspring.server.observe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The conditional attributes of an observe registration (draft-ietf-core-conditional-attributes), read from the
 * query of the request, with or without the {@code c.} prefix of the latest drafts:
 * <ul>
 * <li>{@code pmin}, {@code pmax}: the minimum and maximum time between two notifications, in seconds (decimal,
 * greater than zero, {@code pmax >= pmin});</li>
 * <li>{@code gt}, {@code lt}: a notification when the value crosses the threshold, in either direction, relative
 * to the value last sent;</li>
 * <li>{@code st}: a notification when the value moved by at least this step from the value last sent (greater
 * than zero);</li>
 * <li>{@code band}: with {@code gt} and/or {@code lt}, notifications while the value is inside the band
 * {@code [gt, lt]} (when {@code gt <= lt}), outside {@code [lt, gt]} (when {@code gt > lt}), at most {@code gt}
 * or at least {@code lt} (only one given);</li>
 * <li>{@code edge}: {@code 1} for a notification when a boolean value turns true, {@code 0} when it turns
 * false;</li>
 * <li>{@code epmin}, {@code epmax}: the minimum and maximum time between two evaluations of the resource
 * ({@code epmax > epmin});</li>
 * <li>{@code con}: {@code 1} for notifications in confirmable messages.</li>
 * </ul>
 * Other query parameters are left to the handler method. Instances are immutable.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class ConditionalAttributes {

	/**
	 * No conditional attribute: every change is notified.
	 */
	public static final ConditionalAttributes NONE = new ConditionalAttributes();

	private static final String PREFIX = "c.";

	private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

	private static final BigDecimal MAX_PERIOD_SECONDS = BigDecimal.valueOf(Integer.MAX_VALUE);

	final long pminNanos;

	final long pmaxNanos;

	final long epminNanos;

	final long epmaxNanos;

	final double gt;

	final double lt;

	final double st;

	final boolean band;

	final @Nullable Boolean edge;

	final @Nullable Boolean confirmable;

	private ConditionalAttributes() {
		this(new Values());
	}

	private ConditionalAttributes(Values values) {
		this.pminNanos = values.pminNanos;
		this.pmaxNanos = values.pmaxNanos;
		this.epminNanos = values.epminNanos;
		this.epmaxNanos = values.epmaxNanos;
		this.gt = values.gt;
		this.lt = values.lt;
		this.st = values.st;
		this.band = values.band;
		this.edge = values.edge;
		this.confirmable = values.confirmable;
	}

	/**
	 * Read the conditional attributes of a query.
	 * @param queryItems the Uri-Query options of the request, {@code name=value} or {@code name}
	 * @return the attributes, {@link #NONE} if the query has none
	 * @throws InvalidConditionalAttributeException if an attribute is repeated, has no or an invalid value, or
	 * contradicts another one
	 */
	public static ConditionalAttributes parse(List<String> queryItems) {
		Assert.notNull(queryItems, "'queryItems' must not be null");
		Values values = null;
		Set<String> seen = null;
		for (String item : queryItems) {
			int equals = item.indexOf('=');
			String name = (equals < 0) ? item : item.substring(0, equals);
			String attribute = name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
			if (!isAttribute(attribute)) {
				continue;
			}
			if (values == null) {
				values = new Values();
				seen = new HashSet<>();
			}
			if (!seen.add(attribute)) {
				throw new InvalidConditionalAttributeException(name,
						"Conditional attribute '" + attribute + "' is given more than once");
			}
			String value = (equals < 0) ? null : item.substring(equals + 1);
			values.set(name, attribute, value);
		}
		if (values == null) {
			return NONE;
		}
		values.check();
		return new ConditionalAttributes(values);
	}

	private static boolean isAttribute(String name) {
		return switch (name) {
			case "pmin", "pmax", "gt", "lt", "st", "band", "edge", "epmin", "epmax", "con" -> true;
			default -> false;
		};
	}

	private static BigDecimal decimal(String name, String value) {
		if (!DECIMAL.matcher(value).matches()) {
			throw new InvalidConditionalAttributeException(name,
					"Conditional attribute '" + name + "' must be a decimal number, not '" + value + "'");
		}
		return new BigDecimal(value);
	}

	private static long period(String name, String value) {
		BigDecimal seconds = decimal(name, value);
		if (seconds.signum() <= 0) {
			throw new InvalidConditionalAttributeException(name,
					"Conditional attribute '" + name + "' must be greater than zero seconds, not " + value);
		}
		if (seconds.compareTo(MAX_PERIOD_SECONDS) > 0) {
			throw new InvalidConditionalAttributeException(name, "Conditional attribute '" + name
					+ "' must not exceed " + MAX_PERIOD_SECONDS + " seconds, not " + value);
		}
		return Math.max(1, seconds.movePointRight(9).setScale(0, RoundingMode.HALF_UP).longValueExact());
	}

	private static boolean bool(String name, String value) {
		return switch (value) {
			case "1", "true" -> true;
			case "0", "false" -> false;
			default -> throw new InvalidConditionalAttributeException(name,
					"Conditional attribute '" + name + "' must be 0 or 1, not '" + value + "'");
		};
	}

	private static String seconds(long nanos) {
		return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + " s";
	}

	/**
	 * Return whether no conditional attribute was given.
	 * @return {@code true} for {@link #NONE}
	 */
	public boolean isEmpty() {
		return this == NONE;
	}

	/**
	 * Return whether the attributes compare numbers: {@code gt}, {@code lt}, {@code st} or {@code band}.
	 * @return {@code true} if the observed value must be a number
	 */
	public boolean requiresNumber() {
		return hasGt() || hasLt() || hasSt() || this.band;
	}

	/**
	 * Return whether the attributes watch a boolean: {@code edge}.
	 * @return {@code true} if the observed value must be a boolean (or a number, zero being false)
	 */
	public boolean requiresBoolean() {
		return this.edge != null;
	}

	/**
	 * Return whether an attribute conditions notifications on the value ({@code gt}, {@code lt}, {@code st},
	 * {@code band}, {@code edge}) rather than only paces them.
	 * @return {@code true} if some changes may not be notified
	 */
	public boolean hasValueConditions() {
		return requiresNumber() || requiresBoolean();
	}

	boolean hasGt() {
		return !Double.isNaN(this.gt);
	}

	boolean hasLt() {
		return !Double.isNaN(this.lt);
	}

	boolean hasSt() {
		return !Double.isNaN(this.st);
	}

	/**
	 * Return the minimum period, {@code pmin}.
	 * @return the period, or {@code null} if not given
	 */
	public @Nullable Duration getMinimumPeriod() {
		return duration(this.pminNanos);
	}

	/**
	 * Return the maximum period, {@code pmax}.
	 * @return the period, or {@code null} if not given
	 */
	public @Nullable Duration getMaximumPeriod() {
		return duration(this.pmaxNanos);
	}

	/**
	 * Return the minimum evaluation period, {@code epmin}.
	 * @return the period, or {@code null} if not given
	 */
	public @Nullable Duration getMinimumEvaluationPeriod() {
		return duration(this.epminNanos);
	}

	/**
	 * Return the maximum evaluation period, {@code epmax}.
	 * @return the period, or {@code null} if not given
	 */
	public @Nullable Duration getMaximumEvaluationPeriod() {
		return duration(this.epmaxNanos);
	}

	/**
	 * Return the upper threshold, {@code gt}.
	 * @return the threshold, or {@code null} if not given
	 */
	public @Nullable Double getGreaterThan() {
		return hasGt() ? this.gt : null;
	}

	/**
	 * Return the lower threshold, {@code lt}.
	 * @return the threshold, or {@code null} if not given
	 */
	public @Nullable Double getLessThan() {
		return hasLt() ? this.lt : null;
	}

	/**
	 * Return the change step, {@code st}.
	 * @return the step, or {@code null} if not given
	 */
	public @Nullable Double getStep() {
		return hasSt() ? this.st : null;
	}

	/**
	 * Return whether {@code gt} and {@code lt} form a band.
	 * @return {@code true} if {@code band} was given
	 */
	public boolean isBand() {
		return this.band;
	}

	/**
	 * Return the edge, {@code edge}.
	 * @return {@code true} for rising edges, {@code false} for falling ones, {@code null} if not given
	 */
	public @Nullable Boolean getEdge() {
		return this.edge;
	}

	/**
	 * Return whether notifications must be confirmable, {@code con}.
	 * @return the value, or {@code null} if not given
	 */
	public @Nullable Boolean getConfirmable() {
		return this.confirmable;
	}

	private static @Nullable Duration duration(long nanos) {
		return (nanos >= 0) ? Duration.ofNanos(nanos) : null;
	}

	@Override
	public String toString() {
		if (isEmpty()) {
			return "none";
		}
		StringBuilder text = new StringBuilder();
		append(text, "pmin", (this.pminNanos >= 0) ? seconds(this.pminNanos) : null);
		append(text, "pmax", (this.pmaxNanos >= 0) ? seconds(this.pmaxNanos) : null);
		append(text, "gt", getGreaterThan());
		append(text, "lt", getLessThan());
		append(text, "st", getStep());
		append(text, "band", this.band ? "" : null);
		append(text, "edge", this.edge);
		append(text, "epmin", (this.epminNanos >= 0) ? seconds(this.epminNanos) : null);
		append(text, "epmax", (this.epmaxNanos >= 0) ? seconds(this.epmaxNanos) : null);
		append(text, "con", this.confirmable);
		return text.toString();
	}

	private static void append(StringBuilder text, String name, @Nullable Object value) {
		if (value == null) {
			return;
		}
		if (!text.isEmpty()) {
			text.append(' ');
		}
		text.append(name);
		String shown = value.toString();
		if (!shown.isEmpty()) {
			text.append('=').append(shown);
		}
	}

	/**
	 * The attributes while they are read.
	 */
	private static final class Values {

		long pminNanos = -1;

		long pmaxNanos = -1;

		long epminNanos = -1;

		long epmaxNanos = -1;

		double gt = Double.NaN;

		double lt = Double.NaN;

		double st = Double.NaN;

		boolean band;

		@Nullable Boolean edge;

		@Nullable Boolean confirmable;

		private void set(String name, String attribute, @Nullable String value) {
			if (attribute.equals("band")) {
				// meaningful by its presence only
				this.band = true;
				return;
			}
			if (value == null || value.isEmpty()) {
				throw new InvalidConditionalAttributeException(name, "Conditional attribute '" + name + "' needs a value");
			}
			switch (attribute) {
				case "pmin" -> this.pminNanos = period(name, value);
				case "pmax" -> this.pmaxNanos = period(name, value);
				case "epmin" -> this.epminNanos = period(name, value);
				case "epmax" -> this.epmaxNanos = period(name, value);
				case "gt" -> this.gt = decimal(name, value).doubleValue();
				case "lt" -> this.lt = decimal(name, value).doubleValue();
				case "st" -> {
					BigDecimal step = decimal(name, value);
					if (step.signum() <= 0) {
						throw new InvalidConditionalAttributeException(name,
								"Conditional attribute '" + name + "' must be greater than zero, not " + value);
					}
					this.st = step.doubleValue();
				}
				case "edge" -> this.edge = bool(name, value);
				default -> this.confirmable = bool(name, value);
			}
		}

		private void check() {
			if (this.pmaxNanos >= 0 && this.pminNanos >= 0 && this.pmaxNanos < this.pminNanos) {
				throw new InvalidConditionalAttributeException("pmax", "Conditional attribute 'pmax' ("
						+ seconds(this.pmaxNanos) + ") must not be less than 'pmin' (" + seconds(this.pminNanos) + ")");
			}
			if (this.epmaxNanos >= 0 && this.epminNanos >= 0 && this.epmaxNanos <= this.epminNanos) {
				throw new InvalidConditionalAttributeException("epmax", "Conditional attribute 'epmax' ("
						+ seconds(this.epmaxNanos) + ") must be greater than 'epmin' (" + seconds(this.epminNanos) + ")");
			}
			if (this.band && Double.isNaN(this.gt) && Double.isNaN(this.lt)) {
				throw new InvalidConditionalAttributeException("band",
						"Conditional attribute 'band' needs 'gt', 'lt' or both");
			}
		}

	}

}
