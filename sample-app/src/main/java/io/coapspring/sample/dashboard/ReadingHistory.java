package io.coapspring.sample.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The readings kept for the chart, bounded in total: at most {@code sample.dashboard.max-series} series of at most
 * {@code sample.dashboard.max-points-per-series} readings each, none older than {@code sample.dashboard.history}.
 * Metrics: {@code sample.dashboard.series} and {@code sample.dashboard.points}.
 *
 * @since 0.1.0
 */
@Component
public class ReadingHistory {

	private final DashboardProperties properties;

	private final Clock clock = Clock.systemUTC();

	private final Map<String, Entry> series = new LinkedHashMap<>();

	ReadingHistory(DashboardProperties properties, ObjectProvider<MeterRegistry> meters) {
		this.properties = properties;
		meters.ifAvailable((registry) -> {
			Gauge.builder("sample.dashboard.series", this, ReadingHistory::seriesCount)
				.description("Series the dashboard charts")
				.register(registry);
			Gauge.builder("sample.dashboard.points", this, ReadingHistory::pointCount)
				.description("Readings the dashboard keeps")
				.register(registry);
		});
	}

	/**
	 * Start keeping a series.
	 * @param id its identifier
	 * @param label its label
	 * @param unit the unit of its values
	 * @param source the observed resource
	 * @return {@code false} if the history is full (or keeps the series already)
	 */
	public synchronized boolean open(String id, String label, String unit, String source) {
		if (this.series.containsKey(id) || this.series.size() >= this.properties.getMaxSeries()) {
			return false;
		}
		this.series.put(id, new Entry(new Series(id, label, unit, source, List.of())));
		return true;
	}

	/**
	 * Forget a series and its readings.
	 * @param id its identifier
	 */
	public synchronized void close(String id) {
		this.series.remove(id);
	}

	/**
	 * Keep a reading of a series, dropping the oldest beyond the bounds.
	 * @param id the series
	 * @param value the value
	 * @return the reading, or empty if the series is not kept
	 */
	public synchronized Optional<ChartPoint> add(String id, double value) {
		Entry entry = this.series.get(id);
		if (entry == null) {
			return Optional.empty();
		}
		ChartPoint reading = new ChartPoint(id, this.clock.millis(), value);
		entry.readings.addLast(reading);
		while (entry.readings.size() > this.properties.getMaxPointsPerSeries()) {
			entry.readings.removeFirst();
		}
		trim(entry, reading.time());
		return Optional.of(reading);
	}

	/**
	 * Return every series with its readings.
	 * @return the series, in the order they were opened
	 */
	public synchronized List<Series> snapshot() {
		long now = this.clock.millis();
		List<Series> snapshot = new ArrayList<>();
		for (Entry entry : this.series.values()) {
			trim(entry, now);
			snapshot.add(entry.series
				.withPoints(entry.readings.stream().map((r) -> new double[] { r.time(), r.value() }).toList()));
		}
		return snapshot;
	}

	/**
	 * Return when the last reading of a series arrived.
	 * @param id the series
	 * @return the time, or empty if none is kept
	 */
	public synchronized Optional<Instant> lastSeen(String id) {
		Entry entry = this.series.get(id);
		return (entry != null && !entry.readings.isEmpty())
				? Optional.of(Instant.ofEpochMilli(entry.readings.getLast().time())) : Optional.empty();
	}

	/**
	 * Return the identifiers of the series kept.
	 * @return the identifiers
	 */
	public synchronized List<String> seriesIds() {
		return List.copyOf(this.series.keySet());
	}

	synchronized int seriesCount() {
		return this.series.size();
	}

	synchronized int pointCount() {
		return this.series.values().stream().mapToInt((entry) -> entry.readings.size()).sum();
	}

	private void trim(Entry entry, long now) {
		long oldest = now - this.properties.getHistory().toMillis();
		while (!entry.readings.isEmpty() && entry.readings.getFirst().time() < oldest) {
			entry.readings.removeFirst();
		}
	}

	private static final class Entry {

		private final Series series;

		private final Deque<ChartPoint> readings = new ArrayDeque<>();

		Entry(Series series) {
			this.series = series;
		}

	}

}
