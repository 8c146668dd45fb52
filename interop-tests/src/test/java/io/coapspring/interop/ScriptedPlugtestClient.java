package io.coapspring.interop;

import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/**
 * A client library driven through a script of the suite that speaks JSON lines ({@code plugtest_client.py} on
 * aiocoap, {@code plugtest-client.js} on node-coap): the script translates each request into the library's API
 * and reports what the library shows of the response, or that its API cannot express the request.
 */
class ScriptedPlugtestClient implements PlugtestClient {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String name;

	private final JsonLineProcess process;

	private final AtomicInteger observations = new AtomicInteger();

	ScriptedPlugtestClient(String library, JsonLineProcess process) {
		this.process = process;
		this.name = library + " " + process.ready().path("version").asString("unknown version");
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public void startSession() {
		check(this.process.call(Map.of("op", "start"), TIMEOUT));
	}

	@Override
	public PeerResponse send(PeerRequest request) {
		Map<String, Object> command = command("request", request);
		return response(check(this.process.call(command, TIMEOUT)));
	}

	@Override
	public void ping(String uri) {
		check(this.process.call(Map.of("op", "ping", "uri", uri), TIMEOUT));
	}

	@Override
	public PeerObservation observe(PeerRequest request) {
		String id = "observation-" + this.observations.incrementAndGet();
		Map<String, Object> command = command("observe", request);
		command.put("id", id);
		PeerResponse first = response(check(this.process.call(command, TIMEOUT)));
		return new ScriptedObservation(id, first);
	}

	static Map<String, Object> command(String operation, PeerRequest request) {
		HexFormat hex = HexFormat.of();
		Map<String, Object> command = new LinkedHashMap<>();
		command.put("op", operation);
		command.put("method", request.method());
		command.put("uri", request.uri());
		command.put("nonConfirmable", request.nonConfirmable());
		if (request.token() != null) {
			command.put("token", hex.formatHex(request.token()));
		}
		if (request.accept() != null) {
			command.put("accept", request.accept());
		}
		if (request.contentFormat() != null) {
			command.put("contentFormat", request.contentFormat());
		}
		command.put("payloadHex", hex.formatHex(request.payload()));
		if (!request.etags().isEmpty()) {
			command.put("etags", request.etags().stream().map(hex::formatHex).toList());
		}
		if (!request.ifMatch().isEmpty()) {
			command.put("ifMatch", request.ifMatch().stream().map(hex::formatHex).toList());
		}
		command.put("ifNoneMatch", request.ifNoneMatch());
		if (request.block2Size() != null) {
			command.put("block2Size", request.block2Size());
		}
		if (request.block1Size() != null) {
			command.put("block1Size", request.block1Size());
		}
		return command;
	}

	JsonNode check(JsonNode answer) {
		if (answer.has("unsupported")) {
			throw new NotExpressibleException(answer.get("unsupported").asString());
		}
		if (answer.has("error")) {
			throw new AssertionError(this.name + " failed: " + answer.get("error").asString() + "\n"
					+ this.process.log());
		}
		return answer;
	}

	static PeerResponse response(JsonNode answer) {
		return new PeerResponse(answer.path("code").asString(),
				HexFormat.of().parseHex(answer.path("payloadHex").asString("")));
	}

	@Override
	public void close() {
		this.process.close();
	}

	/**
	 * An observation of the script, by its identifier.
	 */
	private final class ScriptedObservation implements PeerObservation {

		private final String id;

		private final PeerResponse first;

		private boolean open = true;

		private ScriptedObservation(String id, PeerResponse first) {
			this.id = id;
			this.first = first;
		}

		@Override
		public PeerResponse first() {
			return this.first;
		}

		@Override
		public PeerResponse next(Duration timeout) {
			JsonNode answer = check(ScriptedPlugtestClient.this.process.call(
					Map.of("op", "next", "id", this.id, "timeout", timeout.toMillis() / 1000.0), timeout.plus(TIMEOUT)));
			if (answer.has("timeout")) {
				return null;
			}
			if (answer.has("ended")) {
				return new PeerResponse("ended: " + answer.get("ended").asString(), new byte[0]);
			}
			return response(answer);
		}

		@Override
		public void forget() {
			end("forget");
		}

		@Override
		public void close() {
			end("cancel");
		}

		private void end(String operation) {
			if (this.open) {
				this.open = false;
				check(ScriptedPlugtestClient.this.process.call(Map.of("op", operation, "id", this.id), TIMEOUT));
			}
		}

	}

	@Override
	public String toString() {
		return this.name;
	}

}
