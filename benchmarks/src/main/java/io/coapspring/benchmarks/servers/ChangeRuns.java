package io.coapspring.benchmarks.servers;

import java.time.Duration;

/**
 * The change runs of the observe scenario's resource, as {@link AdminResource} drives them: start one, read its
 * statistics.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public interface ChangeRuns {

	/**
	 * Start a change run in a background thread, unless one is running.
	 * @param perSecond changes per second, 0 for as fast as the notifications are sent
	 * @param duration how long to change
	 * @return {@code false} if a run is already in progress
	 */
	boolean startChanging(double perSecond, Duration duration);

	/**
	 * Return the statistics of the last change run.
	 * @return {@code "<changes> <responses sent since the run started> <observers> <running>"}
	 */
	String stats();

}
