package io.coapspring.rd.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.coapspring.rd.client.RdLookupMode;
import io.coapspring.rd.server.RdUnauthenticatedPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the CoRE Resource Directory (RFC 9176): the server this application may run, and the client
 * that registers this application with a directory.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("coap.rd")
public class RdProperties {

	/**
	 * The Resource Directory server.
	 */
	private final Server server = new Server();

	/**
	 * The Resource Directory client.
	 */
	private final Client client = new Client();

	/**
	 * Return the server settings.
	 * @return the server settings
	 */
	public Server getServer() {
		return this.server;
	}

	/**
	 * Return the client settings.
	 * @return the client settings
	 */
	public Client getClient() {
		return this.client;
	}

	/**
	 * The Resource Directory server.
	 */
	public static class Server {

		/**
		 * Whether this application runs a Resource Directory.
		 */
		private boolean enabled;

		/**
		 * Path of the registration interface (rt="core.rd"); registration resources are created below it.
		 */
		private String registrationPath = "/rd";

		/**
		 * Path of endpoint lookup (rt="core.rd-lookup-ep").
		 */
		private String endpointLookupPath = "/rd-lookup/ep";

		/**
		 * Path of resource lookup (rt="core.rd-lookup-res").
		 */
		private String resourceLookupPath = "/rd-lookup/res";

		/**
		 * Lifetime of a registration that gives no 'lt' (RFC 9176: 90000 seconds).
		 */
		@DurationUnit(java.time.temporal.ChronoUnit.SECONDS)
		private Duration defaultLifetime = Duration.ofSeconds(90000);

		/**
		 * Shortest lifetime ('lt') accepted; a shorter one is answered with 4.00.
		 */
		@DurationUnit(java.time.temporal.ChronoUnit.SECONDS)
		private Duration minLifetime = Duration.ofSeconds(60);

		/**
		 * Longest lifetime ('lt') accepted; a longer one is answered with 4.00.
		 */
		@DurationUnit(java.time.temporal.ChronoUnit.SECONDS)
		private Duration maxLifetime = Duration.ofSeconds(4294967295L);

		/**
		 * Most registrations held; a new one beyond it is answered with 5.03 and Max-Age 'retry-after'.
		 */
		private int maxRegistrations = 10000;

		/**
		 * Most links of one registration; more are answered with 4.13.
		 */
		private int maxLinksPerRegistration = 256;

		/**
		 * Largest link-format payload of one registration; a larger one is answered with 4.13.
		 */
		private DataSize maxRegistrationSize = DataSize.ofKilobytes(8);

		/**
		 * Most bytes of links held in total; beyond it a registration is answered with 5.03.
		 */
		private DataSize maxTotalSize = DataSize.ofMegabytes(16);

		/**
		 * Max-Age of the 5.03 answer of a full directory.
		 */
		private Duration retryAfter = Duration.ofSeconds(60);

		/**
		 * Time between two sweeps that remove expired registrations.
		 */
		private Duration expiryInterval = Duration.ofSeconds(10);

		/**
		 * What endpoints without DTLS identity may do: 'open' (register names no identity holds; anyone may
		 * change such a registration), 'first-come-first-remembered' (only the IP address that registered a name
		 * may change it) or 'deny' (4.01). A name registered by an authenticated peer is always bound to its
		 * identity.
		 */
		private RdUnauthenticatedPolicy unauthenticated = RdUnauthenticatedPolicy.OPEN;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getRegistrationPath() {
			return this.registrationPath;
		}

		public void setRegistrationPath(String registrationPath) {
			this.registrationPath = registrationPath;
		}

		public String getEndpointLookupPath() {
			return this.endpointLookupPath;
		}

		public void setEndpointLookupPath(String endpointLookupPath) {
			this.endpointLookupPath = endpointLookupPath;
		}

		public String getResourceLookupPath() {
			return this.resourceLookupPath;
		}

		public void setResourceLookupPath(String resourceLookupPath) {
			this.resourceLookupPath = resourceLookupPath;
		}

		public Duration getDefaultLifetime() {
			return this.defaultLifetime;
		}

		public void setDefaultLifetime(Duration defaultLifetime) {
			this.defaultLifetime = defaultLifetime;
		}

		public Duration getMinLifetime() {
			return this.minLifetime;
		}

		public void setMinLifetime(Duration minLifetime) {
			this.minLifetime = minLifetime;
		}

		public Duration getMaxLifetime() {
			return this.maxLifetime;
		}

		public void setMaxLifetime(Duration maxLifetime) {
			this.maxLifetime = maxLifetime;
		}

		public int getMaxRegistrations() {
			return this.maxRegistrations;
		}

		public void setMaxRegistrations(int maxRegistrations) {
			this.maxRegistrations = maxRegistrations;
		}

		public int getMaxLinksPerRegistration() {
			return this.maxLinksPerRegistration;
		}

		public void setMaxLinksPerRegistration(int maxLinksPerRegistration) {
			this.maxLinksPerRegistration = maxLinksPerRegistration;
		}

		public DataSize getMaxRegistrationSize() {
			return this.maxRegistrationSize;
		}

		public void setMaxRegistrationSize(DataSize maxRegistrationSize) {
			this.maxRegistrationSize = maxRegistrationSize;
		}

		public DataSize getMaxTotalSize() {
			return this.maxTotalSize;
		}

		public void setMaxTotalSize(DataSize maxTotalSize) {
			this.maxTotalSize = maxTotalSize;
		}

		public Duration getRetryAfter() {
			return this.retryAfter;
		}

		public void setRetryAfter(Duration retryAfter) {
			this.retryAfter = retryAfter;
		}

		public Duration getExpiryInterval() {
			return this.expiryInterval;
		}

		public void setExpiryInterval(Duration expiryInterval) {
			this.expiryInterval = expiryInterval;
		}

		public RdUnauthenticatedPolicy getUnauthenticated() {
			return this.unauthenticated;
		}

		public void setUnauthenticated(RdUnauthenticatedPolicy unauthenticated) {
			this.unauthenticated = unauthenticated;
		}

	}

	/**
	 * The Resource Directory client.
	 */
	public static class Client {

		/**
		 * Whether this application registers its own links with a Resource Directory.
		 */
		private boolean enabled;

		/**
		 * The directory: a URI with a path is its registration interface (coap://rd.example/rd); one without path
		 * is asked for it with '/.well-known/core?rt=core.rd' (a host, or a multicast group). Unset: the directory
		 * this application runs (coap.rd.server.enabled), else the All CoAP Nodes group coap://224.0.1.187.
		 */
		private @Nullable String uri;

		/**
		 * Lifetime asked for ('lt'); the registration is refreshed when three quarters of it have passed.
		 */
		@DurationUnit(java.time.temporal.ChronoUnit.SECONDS)
		private Duration lifetime = Duration.ofSeconds(90000);

		/**
		 * Sector ('d') of the registration.
		 */
		private @Nullable String sector;

		/**
		 * Endpoint types ('et') of the registration.
		 */
		private List<String> endpointTypes = new ArrayList<>();

		/**
		 * Base URI ('base') of the registration; by default the directory uses the address the registration came
		 * from (the server's own endpoint).
		 */
		private @Nullable String base;

		/**
		 * Time to wait before trying again after a failed registration.
		 */
		private Duration retryInterval = Duration.ofSeconds(30);

		/**
		 * Whether to remove the registration when the application shuts down gracefully.
		 */
		private boolean removeOnShutdown = true;

		/**
		 * Where the CoapResourceFinder bean looks for the resources of other nodes.
		 */
		private final Lookup lookup = new Lookup();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getUri() {
			return this.uri;
		}

		public void setUri(@Nullable String uri) {
			this.uri = uri;
		}

		public Duration getLifetime() {
			return this.lifetime;
		}

		public void setLifetime(Duration lifetime) {
			this.lifetime = lifetime;
		}

		public @Nullable String getSector() {
			return this.sector;
		}

		public void setSector(@Nullable String sector) {
			this.sector = sector;
		}

		public List<String> getEndpointTypes() {
			return this.endpointTypes;
		}

		public void setEndpointTypes(List<String> endpointTypes) {
			this.endpointTypes = endpointTypes;
		}

		public @Nullable String getBase() {
			return this.base;
		}

		public void setBase(@Nullable String base) {
			this.base = base;
		}

		public Duration getRetryInterval() {
			return this.retryInterval;
		}

		public void setRetryInterval(Duration retryInterval) {
			this.retryInterval = retryInterval;
		}

		public boolean isRemoveOnShutdown() {
			return this.removeOnShutdown;
		}

		public void setRemoveOnShutdown(boolean removeOnShutdown) {
			this.removeOnShutdown = removeOnShutdown;
		}

		public Lookup getLookup() {
			return this.lookup;
		}

	}


	/**
	 * Where the CoapResourceFinder bean looks for the resources of other nodes.
	 */
	public static class Lookup {

		/**
		 * Where to look: 'auto' asks the Resource Directory of coap.rd.client.uri or of this application, else one
		 * found on the group, else the group itself; 'directory' only a directory; 'multicast' only the group;
		 * 'both' a directory and the group, merged.
		 */
		private RdLookupMode mode = RdLookupMode.AUTO;

		/**
		 * Multicast group asked for resources, and for a Resource Directory when none is known.
		 */
		private String group = "coap://224.0.1.187";

		public RdLookupMode getMode() {
			return this.mode;
		}

		public void setMode(RdLookupMode mode) {
			this.mode = mode;
		}

		public String getGroup() {
			return this.group;
		}

		public void setGroup(String group) {
			this.group = group;
		}

	}

}
