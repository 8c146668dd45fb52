package io.coapspring.server.handler;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.exception.ConnectorException;

/**
 * A Californium client on its own endpoint, with an in-memory configuration (never the static standard one,
 * never the static default endpoint), that accepts bodies up to 256 KB. Close it after each test.
 */
final class CoapTestClient implements AutoCloseable {

	private static final long TIMEOUT_MILLIS = 10_000;

	private final CoapEndpoint endpoint;

	private final String host;

	private final int port;

	private CoapTestClient(InetAddress bindAddress, String host, int port) {
		Configuration configuration = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
				SystemConfig.DEFINITIONS);
		configuration.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 256 * 1024);
		this.endpoint = new CoapEndpoint.Builder().setConfiguration(configuration)
			.setInetSocketAddress(new InetSocketAddress(bindAddress, 0))
			.build();
		try {
			this.endpoint.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.host = host;
		this.port = port;
	}

	/**
	 * Create a client of a server on 127.0.0.1.
	 * @param port the server port
	 * @return the client
	 */
	public static CoapTestClient ipv4(int port) {
		return new CoapTestClient(address("127.0.0.1"), "127.0.0.1", port);
	}

	/**
	 * Create a client of a server on [::1].
	 * @param port the server port
	 * @return the client
	 */
	public static CoapTestClient ipv6(int port) {
		return new CoapTestClient(address("::1"), "[::1]", port);
	}

	private static InetAddress address(String address) {
		try {
			return InetAddress.getByName(address);
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return the URI of a path on the server.
	 * @param pathAndQuery the path, with a leading {@code /}, optionally followed by a query
	 * @return the URI
	 */
	public String uri(String pathAndQuery) {
		return "coap://" + this.host + ":" + this.port + pathAndQuery;
	}

	/**
	 * Create a CON request.
	 * @param code the method
	 * @param pathAndQuery the path and query
	 * @return the request
	 */
	public Request request(Code code, String pathAndQuery) {
		Request request = new Request(code);
		request.setURI(uri(pathAndQuery));
		return request;
	}

	/**
	 * Send a request and wait for its response.
	 * @param request the request
	 * @return the response
	 * @throws IllegalStateException if none arrived in time
	 */
	public CoapResponse send(Request request) {
		CoapClient client = new CoapClient(request.getURI());
		client.setEndpoint(this.endpoint);
		client.setTimeout(TIMEOUT_MILLIS);
		try {
			CoapResponse response = client.advanced(request);
			if (response == null) {
				throw new IllegalStateException("No response to " + request);
			}
			return response;
		}
		catch (ConnectorException | IOException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			client.shutdown();
		}
	}

	/**
	 * Send a GET request.
	 * @param pathAndQuery the path and query
	 * @return the response
	 */
	public CoapResponse get(String pathAndQuery) {
		return send(request(Code.GET, pathAndQuery));
	}

	/**
	 * Return the client's endpoint.
	 * @return the endpoint
	 */
	public CoapEndpoint getEndpoint() {
		return this.endpoint;
	}

	@Override
	public void close() {
		this.endpoint.destroy();
	}

}
