package io.coapspring.server.observation;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.coapspring.server.CoapMessageDeliverer;
import io.coapspring.server.CoapRequestListener;
import io.coapspring.server.CoapServerCustomizer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Observes every request the CoAP server answers, whoever answers it (a handler method, a Californium resource,
 * discovery, or the server itself with 4.04 or 5.03): the observation starts when the server delivers the
 * request and stops when its response is handed to the endpoint to be sent, so a separate response is measured
 * until it is ready to leave, and a client that has the response finds it recorded.
 * <p>
 * As a {@link CoapServerCustomizer} it registers itself as a {@link CoapRequestListener} of the server's
 * {@link CoapMessageDeliverer} (a server that delivers requests otherwise is not observed, with a warning) and
 * adds an interceptor to every endpoint that sees each response as the endpoint is about to serialize and send
 * it. Both run on the thread that runs the exchange (Californium hands a response sent from another thread to
 * the exchange's executor first), so an observation starts and stops on one thread and the memory it writes
 * stays with one core; a post-process interceptor would stop it on the connector's sender thread. Like Spring
 * MVC's observation, which ends when the filter chain returns, it does not wait for the network: a response
 * that then fails to leave is timed with its code.
 * <p>
 * A response is matched to its request by peer address and token, which RFC 7252 requires to be unique among a
 * client's requests in flight; retransmissions and later notifications of an observe relation are not matched
 * again. A request never answered (suppressed by a No-Response option, or an error answer to a multicast
 * request) is stopped without a response once it is older than {@link #UNANSWERED_LIFETIME}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapServerObservationInstrumentation implements CoapServerCustomizer, CoapRequestListener, Ordered {

	/**
	 * How long an observation waits for a response before it is stopped without one.
	 */
	public static final Duration UNANSWERED_LIFETIME = Duration.ofMinutes(5);

	private static final Log logger = LogFactory.getLog(CoapServerObservationInstrumentation.class);

	private static final int MIN_PRUNE_THRESHOLD = 256;

	private final ObservationRegistry registry;

	private final @Nullable CoapServerObservationConvention convention;

	private final CoapServerObservationConvention defaultConvention;

	private final Map<Key, Pending> pending = new ConcurrentHashMap<>();

	private volatile int pruneThreshold = MIN_PRUNE_THRESHOLD;

	/**
	 * Create an instrumentation with the default convention.
	 * @param registry the registry observations are made with
	 */
	public CoapServerObservationInstrumentation(ObservationRegistry registry) {
		this(registry, null, new DefaultCoapServerObservationConvention());
	}

	/**
	 * Create an instrumentation.
	 * @param registry the registry observations are made with
	 * @param convention the convention that replaces the default one, or {@code null}
	 * @param defaultConvention the default convention
	 */
	public CoapServerObservationInstrumentation(ObservationRegistry registry,
			@Nullable CoapServerObservationConvention convention, CoapServerObservationConvention defaultConvention) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(defaultConvention, "'defaultConvention' must not be null");
		this.registry = registry;
		this.convention = convention;
		this.defaultConvention = defaultConvention;
	}

	@Override
	public void customize(CoapServer server) {
		if (!(server.getMessageDeliverer() instanceof CoapMessageDeliverer deliverer)) {
			logger.warn("CoAP requests are not observed: the server delivers them with "
					+ server.getMessageDeliverer().getClass().getName() + ", not a CoapMessageDeliverer");
			return;
		}
		deliverer.addRequestListener(this);
		for (Endpoint endpoint : server.getEndpoints()) {
			endpoint.addInterceptor(new ResponseInterceptor());
		}
	}

	@Override
	public void onRequest(Exchange exchange) {
		if (this.registry.isNoop()) {
			return;
		}
		Request request = exchange.getCurrentRequest();
		Request delivered = exchange.getRequest();
		CoapServerObservationContext context = new CoapServerObservationContext(delivered);
		Observation observation = CoapServerObservationDocumentation.COAP_SERVER_REQUESTS
			.observation(this.convention, this.defaultConvention, () -> context, this.registry);
		if (observation.isNoop()) {
			return;
		}
		observation.start();
		this.pending.put(new Key(request.getSourceContext().getPeerAddress(), request.getToken()),
				new Pending(observation, context, System.nanoTime()));
		if (this.pending.size() > this.pruneThreshold) {
			prune();
		}
	}

	/**
	 * Return how many observations wait for their response.
	 * @return the number of requests observed and not answered yet
	 */
	public int pendingCount() {
		return this.pending.size();
	}

	private void responded(Response response) {
		if (response.isDuplicate()) {
			return;
		}
		// Californium asserts that a response has a destination before its interceptors see it
		Pending entry = this.pending.remove(new Key(response.getDestinationContext().getPeerAddress(),
				response.getToken()));
		if (entry == null) {
			return;
		}
		entry.context().setResponse(response);
		entry.observation().stop();
	}

	private void prune() {
		long now = System.nanoTime();
		long lifetime = UNANSWERED_LIFETIME.toNanos();
		this.pending.values().removeIf((entry) -> {
			if (now - entry.started() < lifetime) {
				return false;
			}
			entry.observation().stop();
			return true;
		});
		this.pruneThreshold = Math.max(MIN_PRUNE_THRESHOLD, this.pending.size() * 2);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	private record Key(InetSocketAddress peer, Token token) {
	}

	private record Pending(Observation observation, CoapServerObservationContext context, long started) {
	}

	private final class ResponseInterceptor extends MessageInterceptorAdapter {

		@Override
		public void sendResponse(Response response) {
			responded(response);
		}

	}

}
