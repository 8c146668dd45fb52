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

	private final boolean secure;

	/**
	 * Create an exception for a plain UDP endpoint.
	 * @param address the address that could not be bound
	 * @param cause the bind failure
	 */
	public CoapPortInUseException(InetSocketAddress address, Throwable cause) {
		this(address, false, cause);
	}

	/**
	 * Create an exception.
	 * @param address the address that could not be bound
	 * @param secure whether the endpoint is the DTLS ({@code coaps}) endpoint
	 * @param cause the bind failure
	 */
	public CoapPortInUseException(InetSocketAddress address, boolean secure, Throwable cause) {
		super("CoAP server could not bind " + (secure ? "DTLS" : "UDP") + " port " + address.getPort() + " on "
				+ address.getAddress().getHostAddress() + ": the port is already in use", cause);
		this.address = address;
		this.secure = secure;
	}

	/**
	 * Return whether the port belongs to the DTLS ({@code coaps}) endpoint.
	 * @return {@code true} for the DTLS endpoint, {@code false} for a plain UDP endpoint
	 */
	public boolean isSecure() {
		return this.secure;
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
