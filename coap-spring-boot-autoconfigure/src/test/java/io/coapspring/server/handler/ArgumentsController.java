package io.coapspring.server.handler;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapMapping;
import io.coapspring.annotation.CoapMethod;
import io.coapspring.annotation.CoapOption;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.annotation.CoapPayload;
import io.coapspring.annotation.CoapPostMapping;
import io.coapspring.annotation.CoapPutMapping;
import io.coapspring.annotation.CoapQueryParam;
import io.coapspring.server.invocation.CoapRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

/**
 * Handler methods with every kind of argument.
 */
@CoapController
@CoapMapping("/args")
class ArgumentsController {

	@CoapGetMapping("/path/{id}/{name}")
	String path(@CoapPathVariable int id, @CoapPathVariable("name") String label) {
		return "id=" + (id + 1) + ";name=" + label;
	}

	@CoapGetMapping("/typed/{n}")
	String typed(@CoapPathVariable long n) {
		return Long.toString(n * 2);
	}

	@CoapGetMapping("/vars/{a}/{b}")
	String allVariables(@CoapPathVariable Map<String, String> variables) {
		return variables.get("a") + "+" + variables.get("b");
	}

	@CoapGetMapping("/files/{*rest}")
	String rest(@CoapPathVariable String rest) {
		return "rest=" + rest;
	}

	@CoapGetMapping("/query")
	String query(@CoapQueryParam String unit, @CoapQueryParam(required = false) @Nullable Integer limit,
			@CoapQueryParam(defaultValue = "7") int page, @CoapQueryParam(name = "tag", required = false) List<String> tags,
			@CoapQueryParam(required = false) boolean verbose, @CoapQueryParam Optional<Double> scale) {
		return "unit=" + unit + ";limit=" + limit + ";page=" + page + ";tags=" + tags + ";verbose=" + verbose
				+ ";scale=" + scale.map(String::valueOf).orElse("none");
	}

	@CoapGetMapping("/options")
	String options(@CoapOption("x-tenant") String tenant,
			@CoapOption(number = EndToEndApplication.SENSOR_ID_OPTION) int sensorId,
			@CoapOption(name = "Accept", required = false) @Nullable Integer accept,
			@CoapOption("ETag") Optional<List<byte[]>> etags) {
		String tags = etags.map((list) -> list.stream().map(HexFormat.of()::formatHex).toList().toString())
			.orElse("none");
		return "tenant=" + tenant + ";sensor=" + sensorId + ";accept=" + accept + ";etags=" + tags;
	}

	@CoapPostMapping(path = "/reading", consumes = { "application/json", "application/cbor" },
			produces = { "application/json", "application/cbor" })
	Reading reading(@CoapPayload Reading reading) {
		return new Reading(reading.sensor().toUpperCase(), reading.value() * 2);
	}

	@CoapPostMapping(path = "/vendor", consumes = "application/vnd.acme.reading+json",
			produces = "application/vnd.acme.reading+json")
	String vendor(@CoapPayload String payload) {
		return payload.replace("temp", "TEMP");
	}

	@CoapPutMapping(path = "/threshold", consumes = "application/json")
	String threshold(@CoapPayload @Valid Threshold threshold) {
		return "limit " + threshold.limit() + " " + threshold.unit();
	}

	@CoapPostMapping("/optional-payload")
	String optionalPayload(@CoapPayload(required = false) @Nullable String text) {
		return (text != null) ? "got " + text : "nothing";
	}

	@CoapPostMapping("/raw")
	String raw(byte[] payload) {
		return "bytes=" + payload.length + ";first=" + ((payload.length > 0) ? payload[0] : -1) + ";last="
				+ ((payload.length > 0) ? payload[payload.length - 1] : -1);
	}

	@CoapMapping(path = "/request", method = { CoapMethod.GET, CoapMethod.POST })
	String request(CoapRequest request, InetSocketAddress peer, @Nullable Principal principal, CoapMethod method) {
		return method + " " + request.getPath() + "?" + request.getQuery() + " peer=" + peer.getAddress().getHostAddress()
				+ " principal=" + principal + " con=" + request.isConfirmable() + " token="
				+ HexFormat.of().formatHex(request.getToken()) + " uri=" + request.getUri().getPath();
	}

	@CoapGetMapping("/principal")
	String principal(Principal principal) {
		return "hello " + principal.getName();
	}

	@CoapGetMapping("/optional-principal")
	String optionalPrincipal(Optional<Principal> principal, CoapRequest request) {
		return principal.map(Principal::getName).orElse("nobody") + " secure=" + request.isSecure() + " identity="
				+ request.getPeerIdentity();
	}

}
