package io.coapspring.autoconfigure;

import java.time.Duration;

import io.coapspring.autoconfigure.CoapProperties.Network;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TransmissionTimes}, against RFC 7252 section 4.8.2.
 *
 * @author CoAP Spring Boot team
 */
class TransmissionTimesTests {

	@Test
	void defaultParametersGiveTheNumbersOfRfc7252() {
		TransmissionTimes times = TransmissionTimes.of(new Network());
		// ACK_TIMEOUT * ((2 ** MAX_RETRANSMIT) - 1) * ACK_RANDOM_FACTOR = 2 s * 15 * 1.5
		assertThat(times.maxTransmitSpan()).isEqualTo(Duration.ofSeconds(45));
		// ACK_TIMEOUT * ((2 ** (MAX_RETRANSMIT + 1)) - 1) * ACK_RANDOM_FACTOR = 2 s * 31 * 1.5
		assertThat(times.maxTransmitWait()).isEqualTo(Duration.ofSeconds(93));
		// MAX_TRANSMIT_SPAN + (2 * MAX_LATENCY) + PROCESSING_DELAY = 45 s + 200 s + 2 s
		assertThat(times.exchangeLifetime()).isEqualTo(Duration.ofSeconds(247));
		// MAX_TRANSMIT_SPAN + MAX_LATENCY = 45 s + 100 s
		assertThat(times.nonLifetime()).isEqualTo(Duration.ofSeconds(145));
	}

	@Test
	void timesFollowTheParameters() {
		Network network = new Network();
		network.setAckTimeout(Duration.ofMillis(500));
		network.setAckRandomFactor(1.0f);
		network.setMaxRetransmit(3);
		network.setMaxLatency(Duration.ofSeconds(1));
		TransmissionTimes times = TransmissionTimes.of(network);
		assertThat(times.maxTransmitSpan()).isEqualTo(Duration.ofMillis(500 * 7));
		assertThat(times.maxTransmitWait()).isEqualTo(Duration.ofMillis(500 * 15));
		// PROCESSING_DELAY is ACK_TIMEOUT
		assertThat(times.exchangeLifetime()).isEqualTo(Duration.ofMillis(3_500 + 2_000 + 500));
		assertThat(times.nonLifetime()).isEqualTo(Duration.ofMillis(3_500 + 1_000));
	}

	@Test
	void fractionalRandomFactorIsKeptToTheMillisecond() {
		Network network = new Network();
		network.setAckTimeout(Duration.ofSeconds(1));
		network.setAckRandomFactor(1.25f);
		network.setMaxRetransmit(2);
		TransmissionTimes times = TransmissionTimes.of(network);
		assertThat(times.maxTransmitSpan()).isEqualTo(Duration.ofMillis(3_750));
		assertThat(times.maxTransmitWait()).isEqualTo(Duration.ofMillis(8_750));
	}

	@Test
	void scaleOfOneKeepsTheTimeoutConstant() {
		Network network = new Network();
		network.setAckTimeoutScale(1.0f);
		TransmissionTimes times = TransmissionTimes.of(network);
		// each of the 4 retransmissions waits 2 s * 1.5
		assertThat(times.maxTransmitSpan()).isEqualTo(Duration.ofSeconds(12));
		assertThat(times.maxTransmitWait()).isEqualTo(Duration.ofSeconds(15));
		assertThat(times.exchangeLifetime()).isEqualTo(Duration.ofSeconds(12 + 200 + 2));
		assertThat(times.nonLifetime()).isEqualTo(Duration.ofSeconds(12 + 100));
	}

	@Test
	void otherScaleIsAGeometricSeries() {
		Network network = new Network();
		network.setAckTimeoutScale(1.5f);
		network.setAckRandomFactor(1.0f);
		network.setMaxRetransmit(2);
		TransmissionTimes times = TransmissionTimes.of(network);
		// 2 s * (1 + 1.5), 2 s * (1 + 1.5 + 2.25)
		assertThat(times.maxTransmitSpan()).isEqualTo(Duration.ofSeconds(5));
		assertThat(times.maxTransmitWait()).isEqualTo(Duration.ofMillis(9_500));
	}

	@Test
	void explicitLifetimesOverrideTheDerivedOnes() {
		Network network = new Network();
		network.setExchangeLifetime(Duration.ofSeconds(30));
		network.setNonLifetime(Duration.ofSeconds(20));
		TransmissionTimes times = TransmissionTimes.of(network);
		assertThat(times.exchangeLifetime()).isEqualTo(Duration.ofSeconds(30));
		assertThat(times.nonLifetime()).isEqualTo(Duration.ofSeconds(20));
		assertThat(times.maxTransmitSpan()).isEqualTo(Duration.ofSeconds(45));
		assertThat(times.maxTransmitWait()).isEqualTo(Duration.ofSeconds(93));
	}

	@Test
	void oneLifetimeSetLeavesTheOtherDerived() {
		Network network = new Network();
		network.setExchangeLifetime(Duration.ofSeconds(60));
		TransmissionTimes times = TransmissionTimes.of(network);
		assertThat(times.exchangeLifetime()).isEqualTo(Duration.ofSeconds(60));
		assertThat(times.nonLifetime()).isEqualTo(Duration.ofSeconds(145));
	}

}
