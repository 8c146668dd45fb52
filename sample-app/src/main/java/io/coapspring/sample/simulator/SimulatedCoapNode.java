package io.coapspring.sample.simulator;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.random.RandomGenerator;

import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;

/**
 * One simulated CoAP sensor node: a Californium {@link CoapServer} of its own on a free loopback port, with an
 * observable {@code /humidity} resource.
 *
 * @since 0.1.0
 */
public final class SimulatedCoapNode {

	private final String name;

	private final CoapServer server;

	private final CoapEndpoint endpoint;

	private final HumidityResource humidity;

	SimulatedCoapNode(String name, Configuration configuration, double percent) {
		this.name = name;
		this.humidity = new HumidityResource(name + " humidity", percent);
		this.endpoint = CoapEndpoint.builder()
			.setConfiguration(configuration)
			.setInetSocketAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
			.build();
		this.server = new CoapServer(configuration);
		this.server.addEndpoint(this.endpoint);
		this.server.add(this.humidity);
	}

	void start() {
		this.server.start();
	}

	void destroy() {
		this.server.destroy();
	}

	void drift(RandomGenerator random) {
		this.humidity.drift(random);
	}

	/**
	 * Return the node's endpoint name.
	 * @return the name, {@code sim-node-1} for instance
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Return the node's base URI, on the port it was given.
	 * @return {@code coap://127.0.0.1:port}
	 */
	public URI baseUri() {
		InetSocketAddress address = this.endpoint.getAddress();
		return URI.create("coap://" + address.getAddress().getHostAddress() + ":" + address.getPort());
	}

	/**
	 * Return the URI of the node's observable reading.
	 * @return {@code coap://127.0.0.1:port/humidity}
	 */
	public URI readingUri() {
		return baseUri().resolve("/humidity");
	}

	String links() {
		return "</humidity>;rt=\"" + HumidityResource.RESOURCE_TYPE + "\";ct=0;obs;title=\"" + this.name
				+ " humidity\"";
	}

}
