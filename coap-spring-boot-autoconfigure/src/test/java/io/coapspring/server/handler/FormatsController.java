package io.coapspring.server.handler;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapMapping;
import io.coapspring.annotation.CoapPatchMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.annotation.CoapPayload;
import io.coapspring.annotation.CoapPostMapping;
import io.coapspring.annotation.CoapPutMapping;
import io.coapspring.server.invocation.CoapResponseStatusException;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;

/**
 * Structured-syntax suffix formats ({@code +json}, {@code +cbor}) and representations in several formats, for
 * If-Match.
 */
@CoapController
@CoapMapping("/formats")
class FormatsController {

	private final Map<String, Reading> readings = new ConcurrentHashMap<>();

	@CoapPatchMapping(path = "/merge/{name}", consumes = "application/merge-patch+json")
	Reading merge(@CoapPathVariable String name, @CoapPayload Map<String, Object> patch) {
		Reading current = this.readings.getOrDefault(name, new Reading(name, 0));
		Object value = patch.get("value");
		Reading merged = new Reading(current.sensor(), (value instanceof Number number) ? number.doubleValue()
				: current.value());
		this.readings.put(name, merged);
		return merged;
	}

	@CoapPostMapping(path = "/vendor", consumes = "application/vnd.acme.reading+json",
			produces = "application/vnd.acme.reading+json")
	Reading vendor(@CoapPayload Reading reading) {
		return new Reading(reading.sensor().toUpperCase(), reading.value());
	}

	@CoapPostMapping(path = "/etch", consumes = "application/senml-etch+cbor", produces = "application/cbor")
	Map<String, Object> etch(@CoapPayload Map<String, Object> value) {
		return value;
	}

	@CoapGetMapping(path = "/readings/{name}", etag = true)
	Reading get(@CoapPathVariable String name) {
		Reading reading = this.readings.get(name);
		if (reading == null) {
			throw new CoapResponseStatusException(ResponseCode.NOT_FOUND, "No reading " + name);
		}
		return reading;
	}

	@CoapPutMapping(path = "/readings/{name}", consumes = { "application/json", "application/cbor" })
	void put(@CoapPathVariable String name, @CoapPayload Reading reading) {
		this.readings.put(name, reading);
	}

}
