package io.coapspring.autoconfigure;

import java.util.concurrent.TimeUnit;

import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.TimeDefinition;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapProperties}: defaults that follow Californium's (and RFC 7252's) equal them, and
 * those chosen for production differ as documented.
 *
 * @author CoAP Spring Boot team
 */
class CoapPropertiesTests {

	private final Configuration californium = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
			SystemConfig.DEFINITIONS);

	private final CoapProperties properties = new CoapProperties();

	@Test
	void networkDefaultsMatchCalifornium() {
		CoapProperties.Network network = this.properties.getNetwork();
		assertThat(network.getAckTimeout().toMillis()).isEqualTo(millis(CoapConfig.ACK_TIMEOUT));
		assertThat(network.getAckRandomFactor()).isEqualTo(this.californium.get(CoapConfig.ACK_INIT_RANDOM));
		assertThat(network.getAckTimeoutScale()).isEqualTo(this.californium.get(CoapConfig.ACK_TIMEOUT_SCALE));
		assertThat(network.getMaxRetransmit()).isEqualTo(this.californium.get(CoapConfig.MAX_RETRANSMIT));
		assertThat(network.getNstart()).isEqualTo(this.californium.get(CoapConfig.NSTART));
		assertThat(network.getMaxLatency().toMillis()).isEqualTo(millis(CoapConfig.MAX_LATENCY));
		assertThat(network.getMaxPeerInactivityPeriod().toMillis())
			.isEqualTo(millis(CoapConfig.MAX_PEER_INACTIVITY_PERIOD));
		TransmissionTimes times = TransmissionTimes.of(network);
		assertThat(times.exchangeLifetime().toMillis()).isEqualTo(millis(CoapConfig.EXCHANGE_LIFETIME));
		assertThat(times.nonLifetime().toMillis()).isEqualTo(millis(CoapConfig.NON_LIFETIME));
		assertThat(times.maxTransmitWait().toMillis()).isEqualTo(millis(CoapConfig.MAX_TRANSMIT_WAIT));
	}

	@Test
	void blockwiseDefaultsMatchCalifornium() {
		CoapProperties.Blockwise blockwise = this.properties.getBlockwise();
		assertThat(blockwise.getMaxMessageSize().toBytes())
			.isEqualTo((long) this.californium.get(CoapConfig.MAX_MESSAGE_SIZE));
		assertThat(blockwise.getPreferredBlockSize().toBytes())
			.isEqualTo((long) this.californium.get(CoapConfig.PREFERRED_BLOCK_SIZE));
		assertThat(blockwise.getMaxResourceBodySize().toBytes())
			.isEqualTo((long) this.californium.get(CoapConfig.MAX_RESOURCE_BODY_SIZE));
		assertThat(blockwise.getStatusLifetime().toMillis()).isEqualTo(millis(CoapConfig.BLOCKWISE_STATUS_LIFETIME));
	}

	@Test
	void deduplicationAndObserveDefaultsMatchCalifornium() {
		assertThat(this.properties.getDeduplication().getSweepInterval().toMillis())
			.isEqualTo(millis(CoapConfig.MARK_AND_SWEEP_INTERVAL));
		assertThat(this.properties.getDeduplication().getMessagesPerPeer())
			.isEqualTo(this.californium.get(CoapConfig.PEERS_MARK_AND_SWEEP_MESSAGES));
		assertThat(this.properties.getObserve().getNotificationCheckIntervalCount())
			.isEqualTo(this.californium.get(CoapConfig.NOTIFICATION_CHECK_INTERVAL_COUNT));
		assertThat(this.properties.getObserve().getNotificationCheckIntervalTime().toMillis())
			.isEqualTo(millis(CoapConfig.NOTIFICATION_CHECK_INTERVAL_TIME));
		assertThat(this.properties.getObserve().getMaxObservers())
			.isEqualTo(this.californium.get(CoapConfig.MAX_SERVER_OBSERVES));
	}

	@Test
	void productionDefaultsDifferFromCalifornium() {
		assertThat(this.californium.get(CoapConfig.DEDUPLICATOR)).isEqualTo(CoapConfig.DEDUPLICATOR_MARK_AND_SWEEP);
		assertThat(this.properties.getDeduplication().getMode())
			.isEqualTo(CoapProperties.DeduplicationMode.PEERS_MARK_AND_SWEEP);
		assertThat(this.californium.get(CoapConfig.USE_MESSAGE_OFFLOADING)).isFalse();
		assertThat(this.properties.getNetwork().isMessageOffloading()).isTrue();
		assertThat(this.californium.get(CoapConfig.MAX_ACTIVE_PEERS)).isEqualTo(150_000);
		assertThat(this.properties.getNetwork().getMaxActivePeers()).isEqualTo(10_000);
		assertThat(this.californium.get(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT))
			.isEqualTo(Runtime.getRuntime().availableProcessors());
		assertThat(this.properties.getNetwork().getProtocolStageThreads()).isEqualTo(1);
	}

	@Test
	void serverDefaults() {
		CoapProperties.Server server = this.properties.getServer();
		assertThat(server.isEnabled()).isTrue();
		assertThat(server.getPort()).isEqualTo(this.californium.get(CoapConfig.COAP_PORT));
		assertThat(server.getAddress()).isNull();
		assertThat(server.getShutdown()).isEqualTo(CoapProperties.Shutdown.GRACEFUL);
	}

	private long millis(TimeDefinition definition) {
		return this.californium.get(definition, TimeUnit.MILLISECONDS);
	}

}
