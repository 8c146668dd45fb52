package io.coapspring.lwm2m.server;

import java.net.InetSocketAddress;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when an LWM2M endpoint cannot bind its UDP port because another socket (often the application's own CoAP
 * server, or a second instance of the application) holds it.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mPortInUseException extends Lwm2mServerException {

	private final InetSocketAddress address;

	private final String property;

	/**
	 * Create an exception.
	 * @param address the address that could not be bound
	 * @param property the property that sets the port
	 * @param cause the bind failure, if known
	 */
	public Lwm2mPortInUseException(InetSocketAddress address, String property, @Nullable Throwable cause) {
		super("LWM2M server could not bind UDP port " + address.getPort() + " on "
				+ address.getAddress().getHostAddress() + ": the port is already in use. Set '" + property
				+ "' to a free port (0 picks one)", cause);
		this.address = address;
		this.property = property;
	}

	/**
	 * Return the address that could not be bound.
	 * @return the address
	 */
	public InetSocketAddress getAddress() {
		return this.address;
	}

	/**
	 * Return the name of the property that sets the port.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

}
