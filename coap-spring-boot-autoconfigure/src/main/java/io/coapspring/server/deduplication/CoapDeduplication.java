package io.coapspring.server.deduplication;

import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.InMemoryMessageExchangeStore;
import org.eclipse.californium.core.network.RandomTokenGenerator;
import org.eclipse.californium.core.network.TokenGenerator;
import org.eclipse.californium.core.network.deduplication.Deduplicator;
import org.eclipse.californium.core.network.deduplication.DeduplicatorFactory;
import org.eclipse.californium.elements.config.Configuration;

import org.springframework.util.Assert;

/**
 * Gives the server's endpoints a deduplicator with a total bound: in the {@code PEERS_MARK_AND_SWEEP} and
 * {@code MARK_AND_SWEEP} modes of {@link CoapConfig#DEDUPLICATOR} a {@link BoundedDeduplicator} that remembers at
 * most {@code maxMessages} messages of at most {@link CoapConfig#MAX_ACTIVE_PEERS} peers; in the other modes
 * ({@code CROP_ROTATION}, {@code NO_DEDUPLICATOR}) Californium's own. The bounded deduplicators report to one
 * {@link DeduplicationStatistics}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapDeduplication {

	private final int maxMessages;

	private final DeduplicationStatistics statistics = new DeduplicationStatistics();

	/**
	 * Create a deduplication.
	 * @param maxMessages the largest number of messages each endpoint remembers for deduplication, in total
	 */
	public CoapDeduplication(int maxMessages) {
		Assert.isTrue(maxMessages > 0, "'maxMessages' must be positive");
		this.maxMessages = maxMessages;
	}

	/**
	 * Return the statistics of the bounded deduplicators created so far.
	 * @return the statistics
	 */
	public DeduplicationStatistics getStatistics() {
		return this.statistics;
	}

	/**
	 * Create the deduplicator of an endpoint.
	 * @param configuration the endpoint's configuration
	 * @return a new deduplicator, not started
	 */
	public Deduplicator createDeduplicator(Configuration configuration) {
		Assert.notNull(configuration, "'configuration' must not be null");
		String mode = configuration.get(CoapConfig.DEDUPLICATOR);
		if (CoapConfig.DEDUPLICATOR_PEERS_MARK_AND_SWEEP.equals(mode)
				|| CoapConfig.DEDUPLICATOR_MARK_AND_SWEEP.equals(mode)) {
			return new BoundedDeduplicator(DeduplicationLimits.of(configuration, this.maxMessages), this.statistics);
		}
		return DeduplicatorFactory.getDeduplicatorFactory().createDeduplicator(configuration);
	}

	/**
	 * Give an endpoint under construction an exchange store with the deduplicator of
	 * {@link #createDeduplicator(Configuration)}, and the token generator the store needs.
	 * @param endpoint the builder of a UDP or DTLS endpoint
	 * @param configuration the endpoint's configuration
	 * @return the builder
	 */
	public CoapEndpoint.Builder apply(CoapEndpoint.Builder endpoint, Configuration configuration) {
		Assert.notNull(endpoint, "'endpoint' must not be null");
		TokenGenerator tokenGenerator = new RandomTokenGenerator(configuration);
		InMemoryMessageExchangeStore store = new InMemoryMessageExchangeStore(configuration, tokenGenerator);
		store.setDeduplicator(createDeduplicator(configuration));
		return endpoint.setTokenGenerator(tokenGenerator).setMessageExchangeStore(store);
	}

}
