package io.coapspring.server.function;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.coapspring.server.invocation.CoapHandlerAdapter;
import io.coapspring.server.mapping.CoapHandlerMapping;
import io.coapspring.server.mapping.CoapHandlerMappingRegistry;
import io.coapspring.server.mapping.CoapPathMatch;
import io.coapspring.server.observe.CoapHandlerResource;
import io.coapspring.server.observe.CoapObservations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.Assert;

/**
 * Registers the routes of {@link CoapRouterFunction}s in the {@link CoapHandlerMappingRegistry} of annotated
 * handler methods, before the server starts (router function beans) or while it runs
 * ({@link #register(String, CoapRouterFunction)}, {@link #unregister(CoapRouteRegistration)}).
 * <p>
 * The routes of a router function that share a path pattern, methods and formats become one mapping, whose
 * routes are tried in declaration order by their conditions on options and query. A router function is
 * registered whole or not at all: if one of its mappings is ambiguous with a registered one, the others are
 * unregistered again and the {@link IllegalStateException} names both.
 * <p>
 * A change takes effect at once for the requests that follow (routing, {@code /.well-known/core}, the mappings
 * endpoint); a request already routed completes with the handler it was routed to. Unregistering ends the
 * observations of the removed resources with a final 4.04 Not Found (RFC 7641 section 3.2), and a late request
 * still routed to a removed handler is answered 4.04. Every change at run time publishes a
 * {@link CoapMappingsChangedEvent}. The mappings registered at run time are bounded in total
 * ({@code coap.server.routes.max-runtime-routes}).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapRouteRegistry {

	private static final Log logger = LogFactory.getLog(CoapRouteRegistry.class);

	private final Object lock = new Object();

	private final CoapHandlerMappingRegistry registry;

	private final CoapHandlerAdapter adapter;

	private final CoapObservations observations;

	private final ApplicationEventPublisher publisher;

	private final int maxRuntimeRoutes;

	private final Map<CoapRouteRegistration, Boolean> registrations = new IdentityHashMap<>();

	private volatile int runtimeRoutes;

	/**
	 * Create a registry.
	 * @param registry the mapping registry shared with annotated handler methods
	 * @param adapter checks that the routes can be invoked
	 * @param observations ends the observations of removed routes
	 * @param publisher publishes the changes made at run time
	 * @param maxRuntimeRoutes the maximum number of mappings registered at run time
	 */
	public CoapRouteRegistry(CoapHandlerMappingRegistry registry, CoapHandlerAdapter adapter,
			CoapObservations observations, ApplicationEventPublisher publisher, int maxRuntimeRoutes) {
		Assert.notNull(registry, "'registry' must not be null");
		Assert.notNull(adapter, "'adapter' must not be null");
		Assert.notNull(observations, "'observations' must not be null");
		Assert.notNull(publisher, "'publisher' must not be null");
		Assert.isTrue(maxRuntimeRoutes >= 0, "'maxRuntimeRoutes' must not be negative");
		this.registry = registry;
		this.adapter = adapter;
		this.observations = observations;
		this.publisher = publisher;
		this.maxRuntimeRoutes = maxRuntimeRoutes;
	}

	/**
	 * Register the routes of a router function bean, before the server starts. They do not count towards the
	 * bound of run-time routes, and no event is published.
	 * @param beanName the name of the bean
	 * @param routes the router function
	 * @return the registration
	 * @throws IllegalStateException if a route is ambiguous with a registered mapping
	 */
	public CoapRouteRegistration registerBean(String beanName, CoapRouterFunction routes) {
		return register("router function '" + beanName + "'", routes, false);
	}

	/**
	 * Register routes while the server runs.
	 * @param name a name for messages and the mappings endpoint
	 * @param routes the router function
	 * @return the registration, to unregister the routes
	 * @throws IllegalStateException if a route is ambiguous with a registered mapping, or the routes would
	 * exceed {@code coap.server.routes.max-runtime-routes}
	 */
	public CoapRouteRegistration register(String name, CoapRouterFunction routes) {
		Assert.hasText(name, "'name' must not be empty");
		CoapRouteRegistration registration = register("run-time routes '" + name + "'", routes, true);
		this.publisher.publishEvent(new CoapMappingsChangedEvent(this, registration.getMappings(), List.of()));
		return registration;
	}

	private CoapRouteRegistration register(String source, CoapRouterFunction routes, boolean runtime) {
		Assert.notNull(routes, "'routes' must not be null");
		List<CoapHandlerMapping> mappings = CoapRouteMappings.of(source, routes);
		mappings.forEach((mapping) -> this.adapter.checkSupported(mapping.handlerMethod()));
		synchronized (this.lock) {
			if (runtime && this.runtimeRoutes + mappings.size() > this.maxRuntimeRoutes) {
				throw new IllegalStateException("Cannot register " + source + ": " + this.runtimeRoutes
						+ " CoAP route(s) registered at run time already, and 'coap.server.routes.max-runtime-routes'"
						+ " allows " + this.maxRuntimeRoutes);
			}
			List<CoapHandlerMapping> done = new ArrayList<>(mappings.size());
			try {
				for (CoapHandlerMapping mapping : mappings) {
					this.registry.register(mapping);
					done.add(mapping);
				}
			}
			catch (RuntimeException ex) {
				done.forEach(this.registry::unregister);
				throw ex;
			}
			CoapRouteRegistration registration = new CoapRouteRegistration(source, mappings, runtime);
			this.registrations.put(registration, Boolean.TRUE);
			if (runtime) {
				this.runtimeRoutes += mappings.size();
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Registered " + registration);
			}
			return registration;
		}
	}

	/**
	 * Unregister routes: requests that follow are answered 4.04 Not Found (or served by another mapping of
	 * their path), and the observers of the removed resources get a final 4.04.
	 * @param registration the registration
	 * @throws IllegalArgumentException if the routes are not registered (any more)
	 */
	public void unregister(CoapRouteRegistration registration) {
		Assert.notNull(registration, "'registration' must not be null");
		synchronized (this.lock) {
			if (this.registrations.remove(registration) == null) {
				throw new IllegalArgumentException("No such CoAP routes registered: " + registration);
			}
			registration.markRemoved();
			registration.getMappings().forEach(this.registry::unregister);
			if (registration.isRuntime()) {
				this.runtimeRoutes -= registration.getMappings().size();
			}
		}
		Set<CoapHandlerMapping> removed = Collections.newSetFromMap(new IdentityHashMap<>());
		removed.addAll(registration.getMappings());
		this.observations.end((resource) -> serves(resource, removed), ResponseCode.NOT_FOUND, "Resource removed");
		if (logger.isDebugEnabled()) {
			logger.debug("Unregistered " + registration);
		}
		this.publisher.publishEvent(new CoapMappingsChangedEvent(this, List.of(), registration.getMappings()));
	}

	private static boolean serves(CoapHandlerResource resource, Set<CoapHandlerMapping> mappings) {
		for (CoapPathMatch match : resource.getMatches()) {
			for (CoapHandlerMapping mapping : match.mappings()) {
				if (mappings.contains(mapping)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Return the registrations, of beans and at run time.
	 * @return a snapshot of the registrations
	 */
	public List<CoapRouteRegistration> getRegistrations() {
		synchronized (this.lock) {
			return List.copyOf(this.registrations.keySet());
		}
	}

	/**
	 * Return the number of mappings registered at run time.
	 * @return the count
	 */
	public int getRuntimeRouteCount() {
		return this.runtimeRoutes;
	}

	/**
	 * Return the maximum number of mappings registered at run time.
	 * @return the bound
	 */
	public int getMaxRuntimeRoutes() {
		return this.maxRuntimeRoutes;
	}

}
