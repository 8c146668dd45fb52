package io.coapspring.interop;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the plugtest server.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("plugtest")
public class PlugtestProperties {

	/**
	 * How long {@code /separate} takes to answer; longer than {@code coap.network.piggyback-reply}, so that
	 * the response is a separate one.
	 */
	private Duration separateDelay = Duration.ofMillis(500);

	/**
	 * How often {@code /obs} and {@code /obs-non} change.
	 */
	private Duration observeInterval = Duration.ofSeconds(5);

	public Duration getObserveInterval() {
		return this.observeInterval;
	}

	public void setObserveInterval(Duration observeInterval) {
		this.observeInterval = observeInterval;
	}

	public Duration getSeparateDelay() {
		return this.separateDelay;
	}

	public void setSeparateDelay(Duration separateDelay) {
		this.separateDelay = separateDelay;
	}

}
