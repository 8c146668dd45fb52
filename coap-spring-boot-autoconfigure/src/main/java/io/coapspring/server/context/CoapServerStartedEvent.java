package io.coapspring.server.context;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.californium.core.CoapServer;

import org.springframework.context.ApplicationEvent;

/**
 * Published once every endpoint of the CoAP server is bound and started.
 * <p>
 * The event tells plain UDP endpoints ({@code coap} scheme) from secure DTLS endpoints ({@code coaps}).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapServerStartedEvent extends ApplicationEvent {

	private final List<InetSocketAddress> plainAddresses;

	private final List<InetSocketAddress> secureAddresses;

	/**
	 * Create an event for a server whose endpoints are all plain UDP endpoints.
	 * @param server the started server
	 * @param addresses the bound address of each endpoint, with the actual port when 0 was configured
	 */
	public CoapServerStartedEvent(CoapServer server, List<InetSocketAddress> addresses) {
		this(server, addresses, List.of());
	}

	/**
	 * Create an event.
	 * @param server the started server
	 * @param plainAddresses the bound address of each plain UDP ({@code coap}) endpoint
	 * @param secureAddresses the bound address of each DTLS ({@code coaps}) endpoint
	 */
	public CoapServerStartedEvent(CoapServer server, List<InetSocketAddress> plainAddresses,
			List<InetSocketAddress> secureAddresses) {
		super(server);
		this.plainAddresses = List.copyOf(plainAddresses);
		this.secureAddresses = List.copyOf(secureAddresses);
	}

	/**
	 * Return the started server.
	 * @return the server
	 */
	public CoapServer getServer() {
		return (CoapServer) getSource();
	}

	/**
	 * Return the bound address of each endpoint, plain ones first.
	 * @return the addresses
	 */
	public List<InetSocketAddress> getAddresses() {
		List<InetSocketAddress> addresses = new ArrayList<>(this.plainAddresses);
		addresses.addAll(this.secureAddresses);
		return List.copyOf(addresses);
	}

	/**
	 * Return the bound address of each plain UDP ({@code coap}) endpoint.
	 * @return the addresses, in the order the endpoints were added
	 */
	public List<InetSocketAddress> getPlainAddresses() {
		return this.plainAddresses;
	}

	/**
	 * Return the bound address of each DTLS ({@code coaps}) endpoint.
	 * @return the addresses, in the order the endpoints were added
	 */
	public List<InetSocketAddress> getSecureAddresses() {
		return this.secureAddresses;
	}

	/**
	 * Return the port of the first plain UDP endpoint.
	 * @return the bound port, or -1 if the server runs no plain endpoint
	 */
	public int getPort() {
		return this.plainAddresses.isEmpty() ? -1 : this.plainAddresses.get(0).getPort();
	}

	/**
	 * Return the port of the first DTLS endpoint.
	 * @return the bound port, or -1 if the server runs no DTLS endpoint
	 */
	public int getSecurePort() {
		return this.secureAddresses.isEmpty() ? -1 : this.secureAddresses.get(0).getPort();
	}

}
