package io.coapspring.rd;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where the registrations of a Resource Directory are kept: in memory by default
 * ({@link InMemoryRdRegistrationStore}); a bean of this type replaces it (for instance a shared store in cluster
 * mode). The directory calls it under its own lock, so an implementation needs no transactions of its own for a
 * single node.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public interface RdRegistrationStore {

	/**
	 * Return the registration at a location.
	 * @param location the registration resource path, such as {@code /rd/4}
	 * @return the registration, or {@code null}
	 */
	@Nullable RdRegistration get(String location);

	/**
	 * Return the registration of an endpoint.
	 * @param endpoint the endpoint name
	 * @param sector the sector, or {@code null}
	 * @return the registration, or {@code null}
	 */
	@Nullable RdRegistration find(String endpoint, @Nullable String sector);

	/**
	 * Return every registration, in the order they were first registered.
	 * @return the registrations
	 */
	List<RdRegistration> getAll();

	/**
	 * Add a registration, or replace the one at its location.
	 * @param registration the registration
	 */
	void put(RdRegistration registration);

	/**
	 * Remove a registration.
	 * @param location its location
	 * @return the removed registration, or {@code null} if there was none
	 */
	@Nullable RdRegistration remove(String location);

	/**
	 * Return the number of registrations.
	 * @return the number
	 */
	int size();

	/**
	 * Return the sum of the sizes of every registration's links.
	 * @return bytes
	 */
	long totalSize();

	/**
	 * Return the total number of links of every registration.
	 * @return the number of links
	 */
	long totalLinks();

}
