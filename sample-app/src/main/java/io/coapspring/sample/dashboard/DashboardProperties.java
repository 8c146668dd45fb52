package io.coapspring.sample.dashboard;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of the dashboard's state ({@code sample.dashboard.*}): everything it keeps is limited in total.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("sample.dashboard")
@Validated
public class DashboardProperties {

	/**
	 * Maximum number of browsers receiving live readings at once; one more gets 503 with Retry-After.
	 */
	@Min(1)
	@Max(1000)
	private int maxClients = 8;

	/**
	 * Maximum number of sensors charted; further observable resources are not observed.
	 */
	@Min(1)
	@Max(1000)
	private int maxSeries = 32;

	/**
	 * Maximum number of readings kept per sensor.
	 */
	@Min(1)
	@Max(100000)
	private int maxPointsPerSeries = 600;

	/**
	 * How long readings are kept for the chart.
	 */
	private Duration history = Duration.ofMinutes(5);

	/**
	 * How long after its last reading a sensor of this application counts as offline.
	 */
	private Duration offlineAfter = Duration.ofSeconds(15);

	public int getMaxClients() {
		return this.maxClients;
	}

	public void setMaxClients(int maxClients) {
		this.maxClients = maxClients;
	}

	public int getMaxSeries() {
		return this.maxSeries;
	}

	public void setMaxSeries(int maxSeries) {
		this.maxSeries = maxSeries;
	}

	public int getMaxPointsPerSeries() {
		return this.maxPointsPerSeries;
	}

	public void setMaxPointsPerSeries(int maxPointsPerSeries) {
		this.maxPointsPerSeries = maxPointsPerSeries;
	}

	public Duration getHistory() {
		return this.history;
	}

	public void setHistory(Duration history) {
		this.history = history;
	}

	public Duration getOfflineAfter() {
		return this.offlineAfter;
	}

	public void setOfflineAfter(Duration offlineAfter) {
		this.offlineAfter = offlineAfter;
	}

}
