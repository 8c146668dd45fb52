package io.coapspring.lwm2m.event;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.util.Assert;

/**
 * A snapshot of one client's registration with the LWM2M server, as a plain value: what the server knows about a
 * device when an event fires or when the registrations are listed.
 *
 * @param endpoint the client's endpoint name
 * @param registrationId the identifier the server gave the registration (the location path of the client's
 * updates)
 * @param address the client's address (IP and port)
 * @param lifetime how long the registration lives without an update
 * @param lwm2mVersion the LWM2M version the client registered with ({@code 1.0}, {@code 1.1})
 * @param bindings the binding modes the client announced ({@code U}, {@code T}, {@code S}, ...)
 * @param queueMode whether the client uses queue mode (sleeps between its updates)
 * @param objectLinks the object and instance paths the client announced, for instance {@code /3/0}
 * @param registered when the client registered
 * @param lastUpdate when the client last registered or updated
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record Lwm2mRegistration(String endpoint, String registrationId, InetSocketAddress address, Duration lifetime,
		String lwm2mVersion, Set<String> bindings, boolean queueMode, List<String> objectLinks, Instant registered,
		Instant lastUpdate) {

	/**
	 * Create a registration snapshot.
	 * @param endpoint the client's endpoint name
	 * @param registrationId the registration identifier
	 * @param address the client's address
	 * @param lifetime the registration lifetime
	 * @param lwm2mVersion the LWM2M version
	 * @param bindings the binding modes
	 * @param queueMode whether queue mode is used
	 * @param objectLinks the announced object and instance paths
	 * @param registered the registration time
	 * @param lastUpdate the time of the last registration or update
	 */
	public Lwm2mRegistration {
		Assert.hasText(endpoint, "'endpoint' must not be empty");
		Assert.hasText(registrationId, "'registrationId' must not be empty");
		Assert.notNull(address, "'address' must not be null");
		Assert.notNull(lifetime, "'lifetime' must not be null");
		Assert.notNull(lwm2mVersion, "'lwm2mVersion' must not be null");
		Assert.notNull(registered, "'registered' must not be null");
		Assert.notNull(lastUpdate, "'lastUpdate' must not be null");
		bindings = Set.copyOf(bindings);
		objectLinks = List.copyOf(objectLinks);
	}

}
