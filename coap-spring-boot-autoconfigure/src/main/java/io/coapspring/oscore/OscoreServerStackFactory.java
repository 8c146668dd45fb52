package io.coapspring.oscore;

import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.network.ExtendedCoapStackFactory;
import org.eclipse.californium.core.network.Outbox;
import org.eclipse.californium.core.network.stack.BaseCoapStack;
import org.eclipse.californium.core.network.stack.BlockwiseLayer;
import org.eclipse.californium.core.network.stack.CoapStack;
import org.eclipse.californium.core.network.stack.CongestionControlLayer;
import org.eclipse.californium.core.network.stack.ExchangeCleanupLayer;
import org.eclipse.californium.core.network.stack.Layer;
import org.eclipse.californium.core.network.stack.ObserveLayer;
import org.eclipse.californium.elements.EndpointContextMatcher;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.oscore.OSCoreCoapStackFactory;
import org.eclipse.californium.oscore.OSCoreCtxDB;
import org.eclipse.californium.oscore.ObjectSecurityContextLayer;
import org.eclipse.californium.oscore.ObjectSecurityLayer;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Creates the server's OSCORE stack for UDP: the layers of cf-oscore's {@code OSCoreUdpStack}, in the same
 * order, with an {@link OscoreFailureLimiter} below the OSCORE layer. Other protocols get cf-oscore's stack
 * unchanged. The custom stack argument is the {@link OSCoreCtxDB}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class OscoreServerStackFactory implements ExtendedCoapStackFactory {

	private final OSCoreCoapStackFactory oscore = new OSCoreCoapStackFactory();

	private final OscoreFailureLimiter limiter;

	/**
	 * Create a factory.
	 * @param limiter the limiter to put below the OSCORE layer
	 */
	public OscoreServerStackFactory(OscoreFailureLimiter limiter) {
		Assert.notNull(limiter, "'limiter' must not be null");
		this.limiter = limiter;
	}

	@Override
	public CoapStack createCoapStack(String protocol, String tag, Configuration config,
			@Nullable EndpointContextMatcher matchingStrategy, Outbox outbox, @Nullable Object customStackArgument) {
		if (!CoAP.PROTOCOL_UDP.equals(protocol) && !CoAP.PROTOCOL_DTLS.equals(protocol)) {
			return this.oscore.createCoapStack(protocol, tag, config, matchingStrategy, outbox, customStackArgument);
		}
		Assert.isInstanceOf(OSCoreCtxDB.class, customStackArgument, "The stack argument must be an OSCoreCtxDB");
		return new LimitedStack(tag, config, matchingStrategy, outbox, (OSCoreCtxDB) customStackArgument,
				this.limiter);
	}

	@Override
	public CoapStack createCoapStack(String protocol, String tag, Configuration config, Outbox outbox,
			@Nullable Object customStackArgument) {
		return createCoapStack(protocol, tag, config, null, outbox, customStackArgument);
	}

	private static final class LimitedStack extends BaseCoapStack {

		LimitedStack(String tag, Configuration config, @Nullable EndpointContextMatcher matchingStrategy,
				Outbox outbox, OSCoreCtxDB db, OscoreFailureLimiter limiter) {
			super(outbox);
			setLayers(new Layer[] { new ObjectSecurityContextLayer(db), new ExchangeCleanupLayer(config),
					new ObserveLayer(config), new BlockwiseLayer(tag, false, config, matchingStrategy),
					CongestionControlLayer.newImplementation(tag, config), new ObjectSecurityLayer(db),
					new OscoreFailureLimitLayer(limiter) });
		}

	}

}
