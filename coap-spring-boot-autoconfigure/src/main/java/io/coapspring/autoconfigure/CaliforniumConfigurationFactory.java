package io.coapspring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.coapspring.autoconfigure.CoapProperties.Blockwise;
import io.coapspring.autoconfigure.CoapProperties.Deduplication;
import io.coapspring.autoconfigure.CoapProperties.Network;
import io.coapspring.autoconfigure.CoapProperties.Observe;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration.ModuleDefinitionsProvider;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.TimeDefinition;
import org.eclipse.californium.elements.config.UdpConfig;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * The one place that turns {@link CoapProperties} into a Californium {@link Configuration}.
 * <p>
 * The configuration is built in memory for each application context: Californium's static standard
 * configuration is never used, so no {@code Californium3.properties} file is read or written. Every value is
 * validated first; a value out of range fails with an {@link InvalidConfigurationPropertyValueException}
 * that names the property and the allowed range.
 * <p>
 * Besides the CoAP, UDP and system modules, the configuration holds the definitions of any additional
 * Californium module given to the factory, for instance Scandium's {@code DtlsConfig.DEFINITIONS} when DTLS
 * is on the classpath, so that {@link CoapConfigurationCustomizer}s can tune that module's values too.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CaliforniumConfigurationFactory {

	private static final int UDP_OVERHEAD_ALLOWANCE = 128;

	private final CoapProperties properties;

	private final List<ModuleDefinitionsProvider> modules;

	private final List<CoapConfigurationCustomizer> customizers;

	/**
	 * Create a factory.
	 * @param properties the bound properties
	 * @param customizers customizers applied, in order, after the properties
	 */
	public CaliforniumConfigurationFactory(CoapProperties properties, List<CoapConfigurationCustomizer> customizers) {
		this(properties, List.of(), customizers);
	}

	/**
	 * Create a factory whose configurations also hold the definitions of additional Californium modules.
	 * @param properties the bound properties
	 * @param modules additional module definitions, applied after the CoAP, UDP and system modules
	 * @param customizers customizers applied, in order, after the properties
	 */
	public CaliforniumConfigurationFactory(CoapProperties properties, List<ModuleDefinitionsProvider> modules,
			List<CoapConfigurationCustomizer> customizers) {
		Assert.notNull(properties, "'properties' must not be null");
		Assert.notNull(modules, "'modules' must not be null");
		Assert.notNull(customizers, "'customizers' must not be null");
		this.properties = properties;
		this.modules = List.copyOf(modules);
		this.customizers = List.copyOf(customizers);
	}

	/**
	 * Validate the properties and build a new configuration from them.
	 * @return a configuration owned by the caller
	 * @throws InvalidConfigurationPropertyValueException if a property value is out of range
	 */
	public Configuration create() {
		new CoapPropertiesValidator(this.properties).validate();
		List<ModuleDefinitionsProvider> definitions = new ArrayList<>(List.of(CoapConfig.DEFINITIONS,
				UdpConfig.DEFINITIONS, SystemConfig.DEFINITIONS));
		definitions.addAll(this.modules);
		Configuration configuration = new Configuration(definitions.toArray(ModuleDefinitionsProvider[]::new));
		applyNetwork(this.properties.getNetwork(), configuration);
		applyBlockwise(this.properties.getBlockwise(), configuration);
		applyDeduplication(this.properties.getDeduplication(), configuration);
		applyObserve(this.properties.getObserve(), configuration);
		setTime(configuration, CoapConfig.LEISURE, this.properties.getMulticast().getLeisure());
		setTime(configuration, CoapConfig.NOTIFICATION_REREGISTRATION_BACKOFF,
				this.properties.getClient().getReregistrationBackoff());
		configuration.set(CoapConfig.COAP_PORT, Math.max(1, this.properties.getServer().getPort()));
		for (CoapConfigurationCustomizer customizer : this.customizers) {
			customizer.customize(configuration);
		}
		return configuration;
	}

	private void applyNetwork(Network network, Configuration configuration) {
		setTime(configuration, CoapConfig.ACK_TIMEOUT, network.getAckTimeout());
		configuration.set(CoapConfig.ACK_INIT_RANDOM, network.getAckRandomFactor());
		configuration.set(CoapConfig.ACK_TIMEOUT_SCALE, network.getAckTimeoutScale());
		configuration.set(CoapConfig.MAX_RETRANSMIT, network.getMaxRetransmit());
		configuration.set(CoapConfig.NSTART, network.getNstart());
		setTime(configuration, CoapConfig.MAX_LATENCY, network.getMaxLatency());
		TransmissionTimes times = TransmissionTimes.of(network);
		setTime(configuration, CoapConfig.MAX_TRANSMIT_WAIT, times.maxTransmitWait());
		setTime(configuration, CoapConfig.EXCHANGE_LIFETIME, times.exchangeLifetime());
		setTime(configuration, CoapConfig.NON_LIFETIME, times.nonLifetime());
		configuration.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, network.getProtocolStageThreads());
		configuration.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, network.getUdpReceiverThreads());
		configuration.set(UdpConfig.UDP_SENDER_THREAD_COUNT, network.getUdpSenderThreads());
		configuration.set(CoapConfig.MAX_ACTIVE_PEERS, network.getMaxActivePeers());
		setTime(configuration, CoapConfig.MAX_PEER_INACTIVITY_PERIOD, network.getMaxPeerInactivityPeriod());
		configuration.set(CoapConfig.USE_MESSAGE_OFFLOADING, network.isMessageOffloading());
	}

	private void applyBlockwise(Blockwise blockwise, Configuration configuration) {
		int maxMessageSize = toInt(blockwise.getMaxMessageSize());
		configuration.set(CoapConfig.MAX_MESSAGE_SIZE, maxMessageSize);
		configuration.set(CoapConfig.PREFERRED_BLOCK_SIZE, toInt(blockwise.getPreferredBlockSize()));
		configuration.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, toInt(blockwise.getMaxResourceBodySize()));
		setTime(configuration, CoapConfig.BLOCKWISE_STATUS_LIFETIME, blockwise.getStatusLifetime());
		int datagramSize = Math.max(configuration.get(UdpConfig.UDP_DATAGRAM_SIZE),
				maxMessageSize + UDP_OVERHEAD_ALLOWANCE);
		configuration.set(UdpConfig.UDP_DATAGRAM_SIZE, datagramSize);
	}

	private void applyDeduplication(Deduplication deduplication, Configuration configuration) {
		configuration.set(CoapConfig.DEDUPLICATOR, switch (deduplication.getMode()) {
			case MARK_AND_SWEEP -> CoapConfig.DEDUPLICATOR_MARK_AND_SWEEP;
			case PEERS_MARK_AND_SWEEP -> CoapConfig.DEDUPLICATOR_PEERS_MARK_AND_SWEEP;
			case CROP_ROTATION -> CoapConfig.DEDUPLICATOR_CROP_ROTATION;
			case NONE -> CoapConfig.NO_DEDUPLICATOR;
		});
		setTime(configuration, CoapConfig.MARK_AND_SWEEP_INTERVAL, deduplication.getSweepInterval());
		setTime(configuration, CoapConfig.CROP_ROTATION_PERIOD, deduplication.getSweepInterval());
		configuration.set(CoapConfig.PEERS_MARK_AND_SWEEP_MESSAGES, deduplication.getMessagesPerPeer());
	}

	private void applyObserve(Observe observe, Configuration configuration) {
		configuration.set(CoapConfig.NOTIFICATION_CHECK_INTERVAL_COUNT, observe.getNotificationCheckIntervalCount());
		setTime(configuration, CoapConfig.NOTIFICATION_CHECK_INTERVAL_TIME, observe.getNotificationCheckIntervalTime());
		configuration.set(CoapConfig.MAX_SERVER_OBSERVES, observe.getMaxObservers());
	}

	private static void setTime(Configuration configuration, TimeDefinition definition, Duration value) {
		configuration.set(definition, value.toMillis(), TimeUnit.MILLISECONDS);
	}

	private static int toInt(DataSize size) {
		return Math.toIntExact(size.toBytes());
	}

}
