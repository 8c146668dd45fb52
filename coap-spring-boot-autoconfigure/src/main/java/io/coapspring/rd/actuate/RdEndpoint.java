package io.coapspring.rd.actuate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.coapspring.rd.RdLinkFormat;
import io.coapspring.rd.RdRegistration;
import io.coapspring.rd.server.DefaultResourceDirectory;
import io.coapspring.rd.server.RdLimits;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.util.Assert;

/**
 * The {@code rd} actuator endpoint ({@code /actuator/rd}): the Resource Directory's registrations, totals and
 * limits; {@code /actuator/rd/{id}} one registration with its links; a {@code DELETE} of it removes the
 * registration.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Endpoint(id = "rd")
public class RdEndpoint {

	private final DefaultResourceDirectory directory;

	private final String registrationPath;

	/**
	 * Create the endpoint.
	 * @param directory the directory
	 * @param registrationPath the registration path, such as {@code /rd}; registrations are {@code path/id}
	 */
	public RdEndpoint(DefaultResourceDirectory directory, String registrationPath) {
		Assert.notNull(directory, "'directory' must not be null");
		this.directory = directory;
		this.registrationPath = registrationPath.endsWith("/") ? registrationPath : registrationPath + "/";
	}

	/**
	 * Describe the directory.
	 * @return the registrations, totals and limits
	 */
	@ReadOperation
	public DirectoryDescriptor directory() {
		List<RegistrationDescriptor> registrations = this.directory.getRegistrations()
			.stream()
			.map((registration) -> describe(registration, false))
			.toList();
		return new DirectoryDescriptor(registrations.size(), this.directory.getStore().totalLinks(),
				this.directory.getStore().totalSize(), this.directory.getRefusedFullCount(),
				this.directory.getPolicy().name(), this.directory.getLimits(), registrations);
	}

	/**
	 * Describe one registration, with its links.
	 * @param id the registration's identifier (the last segment of its location)
	 * @return the registration, or {@code null} (404) if there is none
	 */
	@ReadOperation
	public @Nullable RegistrationDescriptor registration(@Selector String id) {
		return this.directory.getRegistration(this.registrationPath + id)
			.map((registration) -> describe(registration, true))
			.orElse(null);
	}

	/**
	 * Remove a registration, as if it had been deleted by its endpoint; observers of lookups are told.
	 * @param id the registration's identifier
	 * @return whether there was one
	 */
	@DeleteOperation
	public boolean remove(@Selector String id) {
		return this.directory.remove(this.registrationPath + id);
	}

	private static RegistrationDescriptor describe(RdRegistration registration, boolean withLinks) {
		return new RegistrationDescriptor(registration.location(), registration.endpoint(), registration.sector(),
				registration.effectiveBase().toString(), registration.lifetime().getSeconds(), registration.expires(),
				registration.registered(), registration.updated(), registration.parameters(),
				registration.links().size(), registration.owner(), registration.ownerAddress(),
				withLinks ? RdLinkFormat.write(registration.resolvedLinks()) : null);
	}

	/**
	 * The directory.
	 *
	 * @param registrations the number of registrations
	 * @param links the number of links
	 * @param size the bytes of links held
	 * @param refusedFull how many registrations were refused because the directory was full
	 * @param unauthenticatedPolicy the policy for unauthenticated peers
	 * @param limits the bounds
	 * @param endpoints the registrations
	 */
	public record DirectoryDescriptor(int registrations, long links, long size, long refusedFull,
			String unauthenticatedPolicy, RdLimits limits,
			List<RegistrationDescriptor> endpoints) implements OperationResponseBody {

	}

	/**
	 * One registration.
	 *
	 * @param location the registration resource
	 * @param endpoint the endpoint name
	 * @param sector the sector, or {@code null}
	 * @param base the effective base URI
	 * @param lifetime the lifetime in seconds
	 * @param expires when it expires
	 * @param registered when it was registered
	 * @param updated when it was last updated
	 * @param parameters the registration parameters
	 * @param linkCount the number of links
	 * @param owner the DTLS identity that owns it, or {@code null}
	 * @param ownerAddress the address it was registered from
	 * @param links the resolved links in link format, or {@code null} in the list
	 */
	public record RegistrationDescriptor(String location, String endpoint, @Nullable String sector, String base,
			long lifetime, Instant expires, Instant registered, Instant updated, Map<String, List<String>> parameters,
			int linkCount, @Nullable String owner, String ownerAddress,
			@Nullable String links) implements OperationResponseBody {

	}

}
