package io.coapspring.proxy;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.interceptors.MessageInterceptorAdapter;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * The origin server of the proxy tests: a plain Californium server on 127.0.0.1 with a configuration built in
 * memory, whose resources count and record the requests they receive.
 */
final class OriginServer implements AutoCloseable {

	static final int BIG_SIZE = 5000;

	private final CoapServer server;

	private final List<Request> received = new CopyOnWriteArrayList<>();

	final AtomicInteger counted = new AtomicInteger();

	final AtomicInteger block1Messages = new AtomicInteger();

	final AtomicInteger countedValidations = new AtomicInteger();

	final AtomicInteger shortLived = new AtomicInteger();

	final AtomicInteger uncacheable = new AtomicInteger();

	private volatile byte version = 1;

	OriginServer() throws Exception {
		Configuration configuration = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
				SystemConfig.DEFINITIONS);
		this.server = new CoapServer(configuration);
		CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(configuration)
			.setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0))
			.build();
		endpoint.addInterceptor(new MessageInterceptorAdapter() {

			@Override
			public void receiveRequest(Request request) {
				if (request.getOptions().hasBlock1()) {
					OriginServer.this.block1Messages.incrementAndGet();
				}
			}

		});
		this.server.addEndpoint(endpoint);
		this.server.add(new Recording("hello") {

			@Override
			public void handleGET(CoapExchange exchange) {
				exchange.respond(ResponseCode.CONTENT, "world", MediaTypeRegistry.TEXT_PLAIN);
			}

		});
		this.server.add(new Recording("echo") {

			@Override
			public void handlePOST(CoapExchange exchange) {
				echo(exchange);
			}

			@Override
			public void handlePUT(CoapExchange exchange) {
				echo(exchange);
			}

			private void echo(CoapExchange exchange) {
				OptionSet options = exchange.getRequestOptions();
				int format = options.hasContentFormat() ? options.getContentFormat() : MediaTypeRegistry.UNDEFINED;
				Response response = new Response(ResponseCode.CHANGED);
				response.setPayload(exchange.getRequestPayload());
				if (format != MediaTypeRegistry.UNDEFINED) {
					response.getOptions().setContentFormat(format);
				}
				response.getOptions().setLocationPath("echoed");
				exchange.respond(response);
			}

		});
		this.server.add(new Recording("created") {

			@Override
			public void handlePOST(CoapExchange exchange) {
				Response response = new Response(ResponseCode.CREATED);
				response.getOptions().setLocationPath("created/7").setLocationQuery("v=1");
				exchange.respond(response);
			}

		});
		this.server.add(new Recording("big") {

			@Override
			public void handleGET(CoapExchange exchange) {
				exchange.respond(ResponseCode.CONTENT, bigBody(), MediaTypeRegistry.APPLICATION_OCTET_STREAM);
			}

			@Override
			public void handlePUT(CoapExchange exchange) {
				byte[] body = exchange.getRequestPayload();
				exchange.respond(ResponseCode.CHANGED, body.length + ":" + sha256(body), MediaTypeRegistry.TEXT_PLAIN);
			}

		});
		this.server.add(new Recording("counted") {

			@Override
			public void handleGET(CoapExchange exchange) {
				OptionSet options = exchange.getRequestOptions();
				OriginServer.this.counted.incrementAndGet();
				byte[] etag = { 0x0E, OriginServer.this.version };
				exchange.setMaxAge(30);
				exchange.setETag(etag);
				if (options.containsETag(etag)) {
					OriginServer.this.countedValidations.incrementAndGet();
					exchange.respond(ResponseCode.VALID);
					return;
				}
				exchange.respond(ResponseCode.CONTENT, "version " + OriginServer.this.version,
						MediaTypeRegistry.TEXT_PLAIN);
			}

			@Override
			public void handlePUT(CoapExchange exchange) {
				byte[] expected = { 0x0E, OriginServer.this.version };
				OptionSet options = exchange.getRequestOptions();
				if (options.getIfMatchCount() > 0 && !options.isIfMatch(expected)) {
					exchange.respond(ResponseCode.PRECONDITION_FAILED);
					return;
				}
				OriginServer.this.version++;
				exchange.respond(ResponseCode.CHANGED);
			}

		});
		this.server.add(new Recording("short") {

			@Override
			public void handleGET(CoapExchange exchange) {
				int count = OriginServer.this.shortLived.incrementAndGet();
				exchange.setMaxAge(5);
				exchange.respond(ResponseCode.CONTENT, "short " + count, MediaTypeRegistry.TEXT_PLAIN);
			}

		});
		this.server.add(new Recording("uncacheable") {

			@Override
			public void handleGET(CoapExchange exchange) {
				int count = OriginServer.this.uncacheable.incrementAndGet();
				exchange.setMaxAge(0);
				exchange.respond(ResponseCode.CONTENT, "uncacheable " + count, MediaTypeRegistry.TEXT_PLAIN);
			}

		});
		this.server.add(new Recording("busy") {

			@Override
			public void handleGET(CoapExchange exchange) {
				exchange.setMaxAge(7);
				exchange.respond(ResponseCode.SERVICE_UNAVAILABLE, "busy", MediaTypeRegistry.TEXT_PLAIN);
			}

		});
		this.server.add(new Recording("silent") {

			@Override
			public void handleGET(CoapExchange exchange) {
				// never answers
			}

		});
		this.server.add(new Recording("reject") {

			@Override
			public void handleGET(CoapExchange exchange) {
				exchange.reject();
			}

		});
		this.server.start();
	}

	int port() {
		return this.server.getEndpoints().get(0).getAddress().getPort();
	}

	String uri(String path) {
		return "coap://127.0.0.1:" + port() + path;
	}

	List<Request> received() {
		return this.received;
	}

	Request last() {
		return this.received.get(this.received.size() - 1);
	}

	static byte[] bigBody() {
		byte[] body = new byte[BIG_SIZE];
		for (int i = 0; i < body.length; i++) {
			body[i] = (byte) ((i * 31 + (i >> 8)) & 0xFF);
		}
		return body;
	}

	static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String text(Response response) {
		return new String(response.getPayload(), StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.server.destroy();
	}

	/**
	 * Records every request before handling it.
	 */
	private class Recording extends CoapResource {

		Recording(String name) {
			super(name);
		}

		@Override
		public void handleRequest(org.eclipse.californium.core.network.Exchange exchange) {
			OriginServer.this.received.add(exchange.getRequest());
			super.handleRequest(exchange);
		}

	}

}
