package io.coapspring.server;

import java.net.InetSocketAddress;
import java.util.List;

import org.eclipse.californium.core.CoapServer;

import org.springframework.context.ApplicationEvent;

/**
 * Published once every endpoint of the CoAP server is bound and started.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapServerStartedEvent extends ApplicationEvent {

	private final List<InetSocketAddress> addresses;

	/**
	 * Create an event.
	 * @param server the started server
	 * @param addresses the bound address of each endpoint, with the actual port when 0 was configured
	 */
	public CoapServerStartedEvent(CoapServer server, List<InetSocketAddress> addresses) {
		super(server);
		this.addresses = List.copyOf(addresses);
	}

	/**
	 * Return the started server.
	 * @return the server
	 */
	public CoapServer getServer() {
		return (CoapServer) getSource();
	}

	/**
	 * Return the bound address of each endpoint.
	 * @return the addresses, in the order the endpoints were added
	 */
	public List<InetSocketAddress> getAddresses() {
		return this.addresses;
	}

	/**
	 * Return the port of the first plain UDP endpoint.
	 * @return the bound port
	 */
	public int getPort() {
		return this.addresses.get(0).getPort();
	}

}
