package io.coapspring.rd;

import java.net.InetSocketAddress;
import java.util.List;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * A plain Californium node for the tests: it serves {@code /sensors/temp} (rt=temperature-c) and
 * {@code /.well-known/core}, and sends its requests from the same endpoint, as a constrained endpoint registering
 * with a Resource Directory does. In-memory configuration, never the static default endpoint. Close it after use.
 */
public final class RdTestNode implements AutoCloseable {

	private final CoapServer server;

	private final CoapEndpoint endpoint;

	public RdTestNode() {
		this("127.0.0.1");
	}

	/**
	 * Create a node bound to a loopback address of its own, such as {@code 127.0.0.2}, to play another host.
	 * @param host the address
	 */
	public RdTestNode(String host) {
		Configuration configuration = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
				SystemConfig.DEFINITIONS);
		this.endpoint = new CoapEndpoint.Builder().setConfiguration(configuration)
			.setInetSocketAddress(new InetSocketAddress(host, 0))
			.build();
		this.server = new CoapServer(configuration);
		this.server.addEndpoint(this.endpoint);
		CoapResource sensors = new CoapResource("sensors");
		CoapResource temp = new CoapResource("temp") {

			@Override
			public void handleGET(CoapExchange exchange) {
				exchange.respond("21.5");
			}

		};
		temp.getAttributes().addResourceType("temperature-c");
		temp.getAttributes().addContentType(MediaTypeRegistry.TEXT_PLAIN);
		sensors.add(temp);
		this.server.add(sensors);
		this.server.start();
	}

	public int getPort() {
		return this.endpoint.getAddress().getPort();
	}

	public Response send(Code method, String uri, List<String> query, String payload) {
		Request request = new Request(method);
		request.setURI(uri);
		for (String item : query) {
			request.getOptions().addUriQuery(item);
		}
		if (!payload.isEmpty()) {
			request.setPayload(payload);
			request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_LINK_FORMAT);
		}
		return send(request);
	}

	public Response send(Request request) {
		request.send(this.endpoint);
		try {
			Response response = request.waitForResponse(5000);
			if (response == null) {
				throw new IllegalStateException("No response to " + request);
			}
			return response;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.server.destroy();
	}

}
