package io.coapspring.autoconfigure;

import java.time.Duration;

import io.coapspring.autoconfigure.CoapProperties.Network;

/**
 * The time values RFC 7252 section 4.8.2 derives from the transmission parameters, with explicitly set
 * lifetimes taking precedence.
 *
 * @param maxTransmitSpan time from the first transmission of a CON message to its last retransmission
 * @param maxTransmitWait time from the first transmission of a CON message until the sender gives up
 * @param exchangeLifetime how long the state of a CON exchange is kept
 * @param nonLifetime how long the state of a NON exchange is kept
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
record TransmissionTimes(Duration maxTransmitSpan, Duration maxTransmitWait, Duration exchangeLifetime,
		Duration nonLifetime) {

	static TransmissionTimes of(Network network) {
		double ackTimeout = network.getAckTimeout().toNanos() * (double) network.getAckRandomFactor();
		double scale = network.getAckTimeoutScale();
		int retransmits = network.getMaxRetransmit();
		Duration span = nanos(ackTimeout * geometricSum(scale, retransmits));
		Duration wait = nanos(ackTimeout * geometricSum(scale, retransmits + 1));
		Duration latency = network.getMaxLatency();
		Duration processingDelay = network.getAckTimeout();
		Duration exchangeLifetime = (network.getExchangeLifetime() != null) ? network.getExchangeLifetime()
				: span.plus(latency.multipliedBy(2)).plus(processingDelay);
		Duration nonLifetime = (network.getNonLifetime() != null) ? network.getNonLifetime() : span.plus(latency);
		return new TransmissionTimes(span, wait, exchangeLifetime, nonLifetime);
	}

	/**
	 * Sum of {@code scale^i} for {@code i} from 0 to {@code count - 1}: the number of initial timeouts
	 * elapsed after {@code count} timeouts that each grow by {@code scale}.
	 */
	private static double geometricSum(double scale, int count) {
		if (scale == 1.0) {
			return count;
		}
		return (Math.pow(scale, count) - 1) / (scale - 1);
	}

	private static Duration nanos(double nanos) {
		return Duration.ofNanos(Math.round(nanos));
	}

}
