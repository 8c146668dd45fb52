package io.coapspring.sample.simulator;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration of the built-in device simulators ({@code sample.simulators.*}).
 *
 * @since 0.1.0
 */
@ConfigurationProperties("sample.simulators")
@Validated
public class SimulatorProperties {

	/**
	 * Whether to start the simulated devices: CoAP sensor nodes on loopback and the demo LWM2M device.
	 */
	private boolean enabled = true;

	/**
	 * Number of simulated CoAP sensor nodes, each a CoAP server of its own on a free loopback port (0 to 8).
	 */
	@Min(0)
	@Max(8)
	private int coapNodes = 2;

	/**
	 * How often the simulated readings change.
	 */
	private Duration interval = Duration.ofSeconds(1);

	/**
	 * Lifetime of the simulated nodes' Resource Directory registrations; they register again at half of it.
	 */
	private Duration registrationLifetime = Duration.ofSeconds(60);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getCoapNodes() {
		return this.coapNodes;
	}

	public void setCoapNodes(int coapNodes) {
		this.coapNodes = coapNodes;
	}

	public Duration getInterval() {
		return this.interval;
	}

	public void setInterval(Duration interval) {
		this.interval = interval;
	}

	public Duration getRegistrationLifetime() {
		return this.registrationLifetime;
	}

	public void setRegistrationLifetime(Duration registrationLifetime) {
		this.registrationLifetime = registrationLifetime;
	}

}
