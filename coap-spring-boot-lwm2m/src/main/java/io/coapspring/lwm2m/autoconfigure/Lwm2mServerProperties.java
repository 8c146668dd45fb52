package io.coapspring.lwm2m.autoconfigure;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the LWM2M server ({@code coap.lwm2m.server.*}): where it listens, which registrations it
 * accepts, how it treats queue-mode clients and which object models it knows.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("coap.lwm2m.server")
public class Lwm2mServerProperties {

	/**
	 * Whether to run an LWM2M server (Eclipse Leshan) in the application.
	 */
	private boolean enabled = true;

	/**
	 * Address the LWM2M endpoints bind to. Default: the wildcard address.
	 */
	private @Nullable InetAddress address;

	/**
	 * UDP port of the plain CoAP ('coap://') LWM2M endpoint; 0 picks a free port, published as 'local.lwm2m.port'.
	 * Differs from the CoAP server's 'coap.server.port' because Leshan runs its own Californium server.
	 */
	private int port = 5783;

	/**
	 * How long the server waits for a client's answer to a request (read, write, execute, ...).
	 */
	private Duration requestTimeout = Duration.ofSeconds(5);

	/**
	 * Whether reads from clients that answer without a Content-Format option (LWM2M 1.0 libraries such as
	 * lwm2m-node-lib) are decoded as plain text (single resources) or TLV instead of failing.
	 */
	private boolean lenientContentFormat = true;

	private final Dtls dtls = new Dtls();

	private final Registration registration = new Registration();

	private final QueueMode queueMode = new QueueMode();

	private final Models models = new Models();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable InetAddress getAddress() {
		return this.address;
	}

	public void setAddress(@Nullable InetAddress address) {
		this.address = address;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	public void setRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

	public boolean isLenientContentFormat() {
		return this.lenientContentFormat;
	}

	public void setLenientContentFormat(boolean lenientContentFormat) {
		this.lenientContentFormat = lenientContentFormat;
	}

	public Dtls getDtls() {
		return this.dtls;
	}

	public Registration getRegistration() {
		return this.registration;
	}

	public QueueMode getQueueMode() {
		return this.queueMode;
	}

	public Models getModels() {
		return this.models;
	}

	/**
	 * The DTLS ('coaps://') LWM2M endpoint.
	 */
	public static class Dtls extends Lwm2mDtlsProperties {

		/**
		 * UDP port of the DTLS LWM2M endpoint; 0 picks a free port, published as 'local.lwm2m.dtls-port'.
		 */
		private int port = 5784;

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

	}

	/**
	 * Which registrations the server accepts.
	 */
	public static class Registration {

		/**
		 * Maximum number of registered clients; further registrations are refused (4.03) until one leaves.
		 */
		private int maxRegistrations = 10_000;

		/**
		 * Shortest registration lifetime a client may ask for; shorter ones are refused.
		 */
		private Duration minLifetime = Duration.ofSeconds(1);

		/**
		 * Longest registration lifetime a client may ask for; longer ones are refused.
		 */
		private Duration maxLifetime = Duration.ofDays(30);

		public int getMaxRegistrations() {
			return this.maxRegistrations;
		}

		public void setMaxRegistrations(int maxRegistrations) {
			this.maxRegistrations = maxRegistrations;
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

	}

	/**
	 * Queue mode (clients that sleep between their updates).
	 */
	public static class QueueMode {

		/**
		 * Whether clients may register in queue mode.
		 */
		private boolean enabled = true;

		/**
		 * How long a queue-mode client stays reachable after it last talked to the server.
		 */
		private Duration awakeTime = Duration.ofSeconds(93);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getAwakeTime() {
			return this.awakeTime;
		}

		public void setAwakeTime(Duration awakeTime) {
			this.awakeTime = awakeTime;
		}

	}

	/**
	 * Object models (OMA DDF) the server knows.
	 */
	public static class Models {

		/**
		 * Whether to load the object models Leshan ships (the OMA core objects and the common registry objects).
		 */
		private boolean loadDefaults = true;

		/**
		 * Locations of additional DDF XML files, as Spring resource patterns (for instance
		 * 'classpath:/models/*.xml').
		 */
		private List<String> locations = new ArrayList<>();

		public boolean isLoadDefaults() {
			return this.loadDefaults;
		}

		public void setLoadDefaults(boolean loadDefaults) {
			this.loadDefaults = loadDefaults;
		}

		public List<String> getLocations() {
			return this.locations;
		}

		public void setLocations(List<String> locations) {
			this.locations = locations;
		}

	}

}
