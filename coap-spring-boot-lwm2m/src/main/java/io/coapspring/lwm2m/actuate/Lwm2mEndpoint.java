package io.coapspring.lwm2m.actuate;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.event.Lwm2mRegistration;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.util.Assert;

/**
 * The {@code lwm2m} actuator endpoint: the registered LWM2M clients ({@code /actuator/lwm2m}) and one of them
 * ({@code /actuator/lwm2m/{endpoint}}).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@Endpoint(id = "lwm2m")
public class Lwm2mEndpoint {

	private final Lwm2mOperations operations;

	/**
	 * Create the endpoint.
	 * @param operations where the registrations come from
	 */
	public Lwm2mEndpoint(Lwm2mOperations operations) {
		Assert.notNull(operations, "'operations' must not be null");
		this.operations = operations;
	}

	/**
	 * List the registered clients.
	 * @return the clients
	 */
	@ReadOperation
	public ClientsDescriptor clients() {
		return new ClientsDescriptor(this.operations.getRegistrations().stream().map(ClientDescriptor::of).toList());
	}

	/**
	 * Describe one registered client.
	 * @param endpoint the endpoint name
	 * @return the client, or {@code null} (404) if it is not registered
	 */
	@ReadOperation
	public @Nullable ClientDescriptor client(@Selector String endpoint) {
		return this.operations.getRegistration(endpoint).map(ClientDescriptor::of).orElse(null);
	}

	/**
	 * The registered clients.
	 * @param clients one entry per client
	 */
	public record ClientsDescriptor(List<ClientDescriptor> clients) {
	}

	/**
	 * One registered client.
	 * @param endpoint the endpoint name
	 * @param registrationId the registration id
	 * @param address the client's address and port
	 * @param lifetimeSeconds the registration lifetime in seconds
	 * @param lwm2mVersion the LWM2M version
	 * @param bindings the binding modes
	 * @param queueMode whether the client uses queue mode
	 * @param objects the object and instance paths it announced
	 * @param registered when it registered
	 * @param lastUpdate when it last registered or updated
	 */
	public record ClientDescriptor(String endpoint, String registrationId, String address, long lifetimeSeconds,
			String lwm2mVersion, Set<String> bindings, boolean queueMode, List<String> objects, Instant registered,
			Instant lastUpdate) {

		static ClientDescriptor of(Lwm2mRegistration registration) {
			return new ClientDescriptor(registration.endpoint(), registration.registrationId(),
					registration.address().getAddress().getHostAddress() + ":" + registration.address().getPort(),
					registration.lifetime().toSeconds(), registration.lwm2mVersion(), registration.bindings(),
					registration.queueMode(), registration.objectLinks(), registration.registered(),
					registration.lastUpdate());
		}

	}

}
