package io.coapspring.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The HTTP origin server of the cross-proxy tests: the JDK's HTTP server on 127.0.0.1, recording every
 * request.
 */
final class HttpOrigin implements AutoCloseable {

	private final HttpServer server;

	private final List<Recorded> received = new CopyOnWriteArrayList<>();

	HttpOrigin() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/text", (exchange) -> {
			record(exchange);
			if ("\"0a0b\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.getResponseHeaders().add("ETag", "\"0a0b\"");
				exchange.getResponseHeaders().add("Cache-Control", "max-age=30");
				exchange.sendResponseHeaders(304, -1);
				exchange.close();
				return;
			}
			exchange.getResponseHeaders().add("ETag", "\"0a0b\"");
			exchange.getResponseHeaders().add("Cache-Control", "public, max-age=30");
			respond(exchange, 200, "text/plain; charset=utf-8", "hello from http");
		});
		this.server.createContext("/items", (exchange) -> {
			Recorded request = record(exchange);
			exchange.getResponseHeaders().add("Location", "/items/42?v=2");
			respond(exchange, 201, "application/json", "{\"received\":" + request.body().length() + "}");
		});
		this.server.createContext("/redirect", (exchange) -> {
			record(exchange);
			exchange.getResponseHeaders().add("Location", "http://127.0.0.2/elsewhere");
			exchange.sendResponseHeaders(302, -1);
			exchange.close();
		});
		this.server.createContext("/busy", (exchange) -> {
			record(exchange);
			exchange.getResponseHeaders().add("Retry-After", "9");
			respond(exchange, 503, "text/plain", "later");
		});
		this.server.createContext("/", (exchange) -> {
			record(exchange);
			respond(exchange, 404, "text/plain", "no such page");
		});
		this.server.start();
	}

	private Recorded record(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		Recorded recorded = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
				copy(exchange.getRequestHeaders()), new String(body, StandardCharsets.UTF_8));
		this.received.add(recorded);
		return recorded;
	}

	private static Map<String, List<String>> copy(Headers headers) {
		Map<String, List<String>> copy = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
		return copy;
	}

	private static void respond(HttpExchange exchange, int status, String contentType, String body)
			throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	String uri(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	List<Recorded> received() {
		return this.received;
	}

	Recorded last() {
		return this.received.get(this.received.size() - 1);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Recorded(String method, String uri, Map<String, List<String>> headers, String body) {

		String header(String name) {
			List<String> values = this.headers.get(name);
			return (values != null && !values.isEmpty()) ? values.get(0) : null;
		}

	}

}
