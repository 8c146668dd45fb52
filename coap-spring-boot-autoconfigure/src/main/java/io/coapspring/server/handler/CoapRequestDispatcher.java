package io.coapspring.server.handler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.coapspring.annotation.CoapMethod;
import io.coapspring.server.CoapPiggybackTimer;
import io.coapspring.server.CoapRequestRoute;
import io.coapspring.server.CoapRequestRouter;
import io.coapspring.server.ProtocolHandOff;
import io.coapspring.server.UnansweredExchanges;
import io.coapspring.server.invocation.CoapErrorResponses;
import io.coapspring.server.invocation.CoapHandlerAdapter;
import io.coapspring.server.invocation.CoapRequest;
import io.coapspring.server.mapping.CoapHandlerMapping;
import io.coapspring.server.mapping.CoapHandlerMappingRegistry;
import io.coapspring.server.mapping.CoapPathMatch;
import io.coapspring.server.observe.CoapHandlerResource;
import io.coapspring.server.observe.CoapObservations;
import io.coapspring.server.observe.CoapObservedResources;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.observe.ObserveRelation;
import org.eclipse.californium.core.server.resources.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Routes requests to handler methods and runs them.
 * <p>
 * As the server's {@link CoapRequestRouter} it answers, on the Californium protocol thread, which resource
 * serves a request: a {@link CoapHandlerResource} for the concrete path when a mapping's pattern matches it
 * (method-agnostic, so 4.05 is answered by the resource), or none so that the server's resource tree is
 * searched (plain Californium resources and {@code /.well-known/core}).
 * <p>
 * When the resource handles the request, the dispatcher selects the mapping (answering 4.05, 4.15 or 4.06
 * itself), starts the piggyback timer and hands the handler method to the handler executor: handler methods
 * do not run on protocol threads, and a slow one does not delay others; one annotated
 * {@link io.coapspring.annotation.CoapNonBlocking} runs on the delivering thread instead. Conditional requests
 * are evaluated first (4.12). The response, piggybacked or separate, is sent when the handler's result is
 * complete. An Observe registration on an observable mapping goes to {@link CoapObservations}, which answers it
 * and keeps the observer; one on a mapping that is not observable is answered without Observe option.
 * <p>
 * The path pattern that serves a request is recorded as its {@link CoapRequestRoute}. A request answered with
 * an error code logs one line at DEBUG (a handler failure that maps to 5.00 is also logged at ERROR, with its
 * stack trace, by {@link CoapErrorResponses}).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapRequestDispatcher implements CoapRequestRouter {

	private static final Log logger = LogFactory.getLog(CoapRequestDispatcher.class);

	private static final List<String> DISCOVERY_PATH = List.of(".well-known", "core");

	private static final long BUSY_RETRY_SECONDS = 2;

	private static final long OBSERVERS_FULL_RETRY_SECONDS = 60;

	private final CoapHandlerMappingRegistry registry;

	private final CoapHandlerSelector selector;

	private final CoapHandlerAdapter adapter;

	private final CoapPreconditions preconditions;

	private final CoapErrorResponses errorResponses;

	private final Executor executor;

	private final CoapPiggybackTimer piggybackTimer;

	private final CoapObservedResources observedResources;

	private final CoapObservations observations;

	private final ProtocolHandOff protocolHandOff;

	private volatile LiteralResources literalResources = new LiteralResources(-1);

	/**
	 * Create a dispatcher.
	 * @param registry the mappings
	 * @param selector selects a mapping for a request
	 * @param adapter runs a handler method
	 * @param preconditions evaluates If-Match and If-None-Match
	 * @param errorResponses builds error responses
	 * @param executor runs handler methods
	 * @param piggybackTimer sends the empty ACK of slow CON requests
	 * @param observedResources keeps the resources that have observers
	 * @param observations registers and serves the observers of observable mappings
	 * @param protocolHandOff lets a handler thread run the protocol job that sends its response
	 */
	public CoapRequestDispatcher(CoapHandlerMappingRegistry registry, CoapHandlerSelector selector,
			CoapHandlerAdapter adapter, CoapPreconditions preconditions, CoapErrorResponses errorResponses,
			Executor executor, CoapPiggybackTimer piggybackTimer, CoapObservedResources observedResources,
			CoapObservations observations, ProtocolHandOff protocolHandOff) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(selector, "'selector' must not be null");
		Assert.notNull(adapter, "'adapter' must not be null");
		Assert.notNull(preconditions, "'preconditions' must not be null");
		Assert.notNull(errorResponses, "'errorResponses' must not be null");
		Assert.notNull(executor, "'executor' must not be null");
		Assert.notNull(piggybackTimer, "'piggybackTimer' must not be null");
		Assert.notNull(observedResources, "'observedResources' must not be null");
		Assert.notNull(observations, "'observations' must not be null");
		Assert.notNull(protocolHandOff, "'protocolHandOff' must not be null");
		this.registry = registry;
		this.selector = selector;
		this.adapter = adapter;
		this.preconditions = preconditions;
		this.errorResponses = errorResponses;
		this.executor = executor;
		this.piggybackTimer = piggybackTimer;
		this.observedResources = observedResources;
		this.observations = observations;
		this.protocolHandOff = protocolHandOff;
	}

	@Override
	public @Nullable Resource route(Exchange exchange) {
		Request request = exchange.getRequest();
		OptionSet options = request.getOptions();
		if (options.hasProxyUri() || options.hasProxyScheme()) {
			// for the proxy, never for a handler method: its Uri-Path is not a path of this server
			return null;
		}
		List<String> path = segments(options.getUriPath());
		if (path.equals(DISCOVERY_PATH)) {
			return null;
		}
		boolean observeRegistration = isObserveRegistration(request);
		String uriPath = null;
		if (!this.observedResources.isEmpty()) {
			uriPath = CoapHandlerResource.path(path);
			CoapHandlerResource observed = this.observedResources.get(uriPath);
			if (observed != null) {
				return observed;
			}
		}
		LiteralResources literals = literalResources();
		if (!observeRegistration) {
			CoapHandlerResource literal = literals.resources().get(path);
			if (literal != null) {
				return literal;
			}
		}
		List<CoapPathMatch> matches = this.registry.match(path);
		if (matches.isEmpty()) {
			return null;
		}
		if (observeRegistration) {
			String observedPath = (uriPath != null) ? uriPath : CoapHandlerResource.path(path);
			return this.observedResources.getOrCreate(observedPath, () -> createResource(path, matches));
		}
		if (isLiteral(matches)) {
			// as many as literal patterns: kept for the requests to come
			return literals.resources().computeIfAbsent(List.copyOf(path), (key) -> createResource(key, matches));
		}
		return createResource(path, matches);
	}

	private CoapHandlerResource createResource(List<String> path, List<CoapPathMatch> matches) {
		return new CoapHandlerResource(path, matches, this::dispatch, this.observedResources,
				this.observations.getNotificationType());
	}

	private LiteralResources literalResources() {
		LiteralResources literals = this.literalResources;
		int revision = this.registry.getRevision();
		if (literals.revision() != revision) {
			literals = new LiteralResources(revision);
			this.literalResources = literals;
		}
		return literals;
	}

	private static boolean isLiteral(List<CoapPathMatch> matches) {
		for (CoapPathMatch match : matches) {
			if (match.pattern().hasVariables()) {
				return false;
			}
		}
		return true;
	}

	private static List<String> segments(List<String> uriPath) {
		if (!uriPath.contains("")) {
			return uriPath;
		}
		List<String> segments = new ArrayList<>(uriPath.size());
		for (String segment : uriPath) {
			if (!segment.isEmpty()) {
				segments.add(segment);
			}
		}
		return segments;
	}

	private static boolean isObserveRegistration(Request request) {
		CoapMethod method = CoapMethod.from(request.getCode());
		return method != null && method.isRetrieval() && request.isObserve();
	}

	/**
	 * Handle a request that was routed to a resource: select the mapping and run it on the handler executor.
	 * Called on the thread that delivers the request, usually a Californium protocol thread.
	 * @param exchange the exchange
	 * @param resource the resource of the request path
	 */
	public void dispatch(Exchange exchange, CoapHandlerResource resource) {
		ObserveRelation relation = exchange.getRelation();
		if (relation != null && relation.isEstablished()) {
			// Californium's own notification (CoapResource.changed()): serve the observer again
			this.observations.sample(resource, relation);
			return;
		}
		Request request = exchange.getRequest();
		OptionSet options = request.getOptions();
		int accept = options.hasAccept() ? options.getAccept() : -1;
		CoapHandlerSelector.Selection selection = this.selector.select(resource.getMatches(),
				CoapMethod.from(request.getCode()), options.hasContentFormat() ? options.getContentFormat() : -1,
				request.getPayloadSize() > 0, accept);
		CoapHandlerMapping mapping = selection.mapping();
		CoapPathMatch match = selection.match();
		CoapRequestRoute.set(request,
				((match != null) ? match : resource.getMatches().get(0)).pattern().getPattern());
		if (mapping == null || match == null) {
			ResponseCode code = (selection.rejection() != null) ? selection.rejection() : ResponseCode.NOT_FOUND;
			Response rejection = this.errorResponses.create(code, selection.diagnostic(), accept);
			abandon(relation, rejection);
			send(exchange, resource, null, rejection);
			return;
		}
		CoapRequest view = new CoapRequest(request, match.variables(), match.pattern().getPattern());
		// a registration whose answer may be suppressed (multicast, No-Response) is served without observing
		boolean observe = relation != null && !relation.isCanceled() && mapping.info().isObservable(view.getMethod())
				&& !UnansweredExchanges.mayGoUnanswered(request);
		if (!observe && relation == null && resource.isObservable() && isObserveRegistration(request)
				&& mapping.info().isObservable(view.getMethod()) && !UnansweredExchanges.mayGoUnanswered(request)) {
			// Californium keeps no relation once coap.observe.max-observers is reached
			refuseObserver(exchange, resource, null, "Too many observers, retry later", accept);
			return;
		}
		if (observe && this.observations.isOverPeerLimit(relation, resource)) {
			refuseObserver(exchange, resource, relation, "Too many observers of this peer, retry later", accept);
			return;
		}
		CoapPiggybackTimer.PendingAck timer = this.piggybackTimer.start(exchange);
		Runnable task = observe
				? () -> this.observations.register(exchange, relation, resource, mapping, view, timer)
				: () -> run(exchange, resource, mapping, view, timer, relation);
		if (mapping.handlerMethod().isNonBlocking()) {
			// @CoapNonBlocking: on this thread, without the hand-off to the executor
			task.run();
			return;
		}
		try {
			this.executor.execute(task);
		}
		catch (RejectedExecutionException ex) {
			Response busy = this.errorResponses.create(ResponseCode.SERVICE_UNAVAILABLE,
					"Server busy, retry later", accept);
			busy.getOptions().setMaxAge(BUSY_RETRY_SECONDS);
			abandon(relation, busy);
			send(exchange, resource, timer, busy);
		}
	}

	private void run(Exchange exchange, CoapHandlerResource resource, CoapHandlerMapping mapping, CoapRequest request,
			CoapPiggybackTimer.@Nullable PendingAck timer, @Nullable ObserveRelation relation) {
		CompletionStage<Response> response;
		try {
			response = this.preconditions.isConditional(request)
					? this.preconditions.evaluate(request, resource.getMatches())
						.thenCompose((failed) -> (failed != null) ? CompletableFuture.completedFuture(failed)
								: this.adapter.handle(mapping, request))
					: this.adapter.handle(mapping, request);
		}
		catch (Throwable ex) {
			response = CompletableFuture.failedFuture(ex);
		}
		response.whenComplete((result, ex) -> {
			Response answer = (result != null && ex == null) ? result : failure(ex, request);
			// an Observe request on a mapping that is not observable is answered without Observe
			abandon(relation, answer);
			send(exchange, resource, timer, answer);
		});
	}

	private void refuseObserver(Exchange exchange, CoapHandlerResource resource, @Nullable ObserveRelation relation,
			String diagnostic, int accept) {
		Response full = this.errorResponses.create(ResponseCode.SERVICE_UNAVAILABLE, diagnostic, accept);
		full.getOptions().setMaxAge(OBSERVERS_FULL_RETRY_SECONDS);
		abandon(relation, full);
		send(exchange, resource, null, full);
	}

	// Californium keeps a relation that is never established: cancel it before answering without Observe
	private static void abandon(@Nullable ObserveRelation relation, Response response) {
		if (relation != null && !relation.isEstablished()) {
			relation.onSend(response);
		}
	}

	private Response failure(@Nullable Throwable ex, CoapRequest request) {
		return this.errorResponses.create((ex != null) ? ex : new IllegalStateException("No response produced"),
				request);
	}

	private void send(Exchange exchange, CoapHandlerResource resource, CoapPiggybackTimer.@Nullable PendingAck timer,
			Response response) {
		if (timer != null) {
			timer.cancel();
		}
		if (logger.isDebugEnabled() && (response.getCode().isClientError() || response.getCode().isServerError())) {
			Request request = exchange.getRequest();
			logger.debug("CoAP request " + request.getCode() + " " + resource.getUriPath() + " from "
					+ request.getSourceContext().getPeerAddress() + " answered " + describe(response));
		}
		// asked before sending: once answered, an offloaded request has no options left
		boolean mayGoUnanswered = UnansweredExchanges.mayGoUnanswered(exchange.getRequest());
		// from a handler thread, the protocol job that sends the response runs here: no protocol thread to wake
		this.protocolHandOff.send(exchange, () -> exchange.sendResponse(response));
		if (mayGoUnanswered) {
			// an error answer to a multicast request, or one its No-Response option suppresses, is never sent
			UnansweredExchanges.completeIfUnanswered(exchange);
		}
		this.observedResources.release(resource);
	}

	/**
	 * The resources of paths that only literal patterns match, for one revision of the mappings. A request to
	 * such a path needs no resource of its own: it is answered by the same stateless resource every time, unless
	 * it observes the path (then {@link CoapObservedResources} keeps a resource that holds the relations).
	 *
	 * @param revision the revision of the mappings the resources were created from
	 * @param resources the resources by path segments
	 */
	private record LiteralResources(int revision, Map<List<String>, CoapHandlerResource> resources) {

		LiteralResources(int revision) {
			this(revision, new ConcurrentHashMap<>());
		}

	}

	private static String describe(Response response) {
		String text = response.getCode().text + " " + response.getCode().name();
		if (response.getPayloadSize() > 0 && !response.getOptions().hasContentFormat()) {
			text += ": " + response.getPayloadString();
		}
		return text;
	}

}
