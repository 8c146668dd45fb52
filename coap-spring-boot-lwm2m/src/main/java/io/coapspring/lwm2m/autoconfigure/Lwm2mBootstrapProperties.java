package io.coapspring.lwm2m.autoconfigure;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the LWM2M bootstrap server ({@code coap.lwm2m.bootstrap.*}): where it listens, and what it
 * writes to each client.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@ConfigurationProperties("coap.lwm2m.bootstrap")
public class Lwm2mBootstrapProperties {

	/**
	 * Whether to run an LWM2M bootstrap server (Eclipse Leshan) in the application.
	 */
	private boolean enabled;

	/**
	 * Address the bootstrap endpoint binds to. Default: the wildcard address.
	 */
	private @Nullable InetAddress address;

	/**
	 * UDP port of the bootstrap server ('coap://'); 0 picks a free port, published as
	 * 'local.lwm2m.bootstrap.port'.
	 */
	private int port = 5785;

	/**
	 * Bootstrap configuration by client endpoint name: what the bootstrap server deletes and writes before it sends
	 * Bootstrap-Finish. Ignored when the application defines its own Leshan BootstrapConfigStore bean.
	 */
	private Map<String, Client> clients = new LinkedHashMap<>();

	private final Dtls dtls = new Dtls();

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

	public Map<String, Client> getClients() {
		return this.clients;
	}

	public void setClients(Map<String, Client> clients) {
		this.clients = clients;
	}

	public Dtls getDtls() {
		return this.dtls;
	}

	/**
	 * The DTLS ('coaps://') bootstrap endpoint.
	 */
	public static class Dtls extends Lwm2mDtlsProperties {

		/**
		 * UDP port of the DTLS bootstrap endpoint; 0 picks a free port, published as
		 * 'local.lwm2m.bootstrap.dtls-port'.
		 */
		private int port = 5786;

		public int getPort() {
			return this.port;
		}

		public void setPort(int port) {
			this.port = port;
		}

	}

	/**
	 * What the bootstrap server does with one client.
	 */
	public static class Client {

		/**
		 * Paths deleted first (Bootstrap-Delete), typically the Security (/0) and Server (/1) objects.
		 */
		private List<String> delete = new ArrayList<>(List.of("/0", "/1"));

		/**
		 * LWM2M servers written to the client (a Security and a Server object instance each).
		 */
		private List<Server> servers = new ArrayList<>();

		public List<String> getDelete() {
			return this.delete;
		}

		public void setDelete(List<String> delete) {
			this.delete = delete;
		}

		public List<Server> getServers() {
			return this.servers;
		}

		public void setServers(List<Server> servers) {
			this.servers = servers;
		}

	}

	/**
	 * One LWM2M server a client is told about.
	 */
	public static class Server {

		/**
		 * URI of the LWM2M server, for instance 'coap://192.0.2.1:5783'.
		 */
		private @Nullable String uri;

		/**
		 * Short server id, 1 to 65534.
		 */
		private int shortId = 1;

		/**
		 * Registration lifetime the client uses with this server.
		 */
		private Duration lifetime = Duration.ofDays(1);

		/**
		 * Binding mode, for instance 'U' (UDP) or 'UQ' (UDP, queue mode).
		 */
		private String binding = "U";

		/**
		 * Pre-shared key the client uses with a 'coaps://' server; no identity means no security.
		 */
		private final Lwm2mDtlsProperties.Psk psk = new Lwm2mDtlsProperties.Psk();

		public @Nullable String getUri() {
			return this.uri;
		}

		public void setUri(@Nullable String uri) {
			this.uri = uri;
		}

		public int getShortId() {
			return this.shortId;
		}

		public void setShortId(int shortId) {
			this.shortId = shortId;
		}

		public Duration getLifetime() {
			return this.lifetime;
		}

		public void setLifetime(Duration lifetime) {
			this.lifetime = lifetime;
		}

		public String getBinding() {
			return this.binding;
		}

		public void setBinding(String binding) {
			this.binding = binding;
		}

		public Lwm2mDtlsProperties.Psk getPsk() {
			return this.psk;
		}

	}

}
