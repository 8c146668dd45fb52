package io.coapspring.rd;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The Resource Directory of this application, for the application itself: what the endpoints registered, queried
 * the way the lookup interface of RFC 9176 section 7 queries it, without a network round trip. Changes are
 * published as {@link RdRegistrationEvent}s.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public interface ResourceDirectory {

	/**
	 * Return every live registration, in the order they were first registered.
	 * @return the registrations
	 */
	List<RdRegistration> getRegistrations();

	/**
	 * Return the registration at a location.
	 * @param location the registration resource, such as {@code /rd/4}
	 * @return the registration, empty if there is none or it expired
	 */
	Optional<RdRegistration> getRegistration(String location);

	/**
	 * Return the registration of an endpoint.
	 * @param endpoint the endpoint name
	 * @param sector the sector, or {@code null} for none
	 * @return the registration, empty if there is none or it expired
	 */
	Optional<RdRegistration> findEndpoint(String endpoint, @Nullable String sector);

	/**
	 * Endpoint lookup: the registrations that match a query, paged as it asks.
	 * @param query the query
	 * @return the matching registrations
	 */
	List<RdRegistration> lookupEndpoints(RdQuery query);

	/**
	 * Resource lookup: the links, resolved against their registration's base, that match a query, paged as it
	 * asks.
	 * @param query the query
	 * @return the matching links, each with absolute target and anchor
	 */
	List<RdLink> lookupResources(RdQuery query);

}
