package io.coapspring.server;

import java.net.InetSocketAddress;

/**
 * Thrown when the CoAP server cannot bind its UDP port because another socket holds it.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapPortInUseException extends CoapServerException {

	private final InetSocketAddress address;

	/**
	 * Create an exception.
	 * @param address the address that could not be bound
	 * @param cause the bind failure
	 */
	public CoapPortInUseException(InetSocketAddress address, Throwable cause) {
		super("CoAP server could not bind UDP port " + address.getPort() + " on " + address.getAddress().getHostAddress()
				+ ": the port is already in use", cause);
		this.address = address;
	}

	/**
	 * Return the address that could not be bound.
	 * @return the address
	 */
	public InetSocketAddress getAddress() {
		return this.address;
	}

	/**
	 * Return the port that is in use.
	 * @return the port
	 */
	public int getPort() {
		return this.address.getPort();
	}

}
