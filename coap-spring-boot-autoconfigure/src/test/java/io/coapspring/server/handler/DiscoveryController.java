package io.coapspring.server.handler;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.annotation.CoapPutMapping;
import io.coapspring.server.invocation.CoapRequest;

/**
 * Mappings with discovery attributes.
 */
@CoapController
@CoapMapping("/disco")
class DiscoveryController {

	@CoapGetMapping(path = "/temperature", produces = "application/json", observable = true,
			resourceType = "temperature-c", interfaceDescription = "sensor", title = "Temperature", size = 42)
	String temperature() {
		return "{\"t\":21}";
	}

	@CoapPutMapping(path = "/temperature", consumes = "application/json")
	void setTemperature() {
	}

	@CoapGetMapping(path = "/humidity", produces = "application/cbor", resourceType = "humidity-rh",
			interfaceDescription = "sensor", title = "${disco.humidity.title:Humidity}")
	String humidity() {
		return "h";
	}

	@CoapGetMapping(path = "/switch", resourceType = "switch", interfaceDescription = "actuator")
	String light() {
		return "on";
	}

	@CoapGetMapping(path = { "/zones/1", "/zones/2", "/zones/3", "/zones/4", "/zones/5", "/zones/6", "/zones/7",
			"/zones/8", "/zones/9", "/zones/10", "/zones/11", "/zones/12" }, resourceType = "zone",
			title = "A zone of the building, listed to make discovery longer than one block")
	String zone(CoapRequest request) {
		return request.getPath();
	}

	@CoapGetMapping(path = "/hidden", discoverable = false)
	String hidden() {
		return "hidden";
	}

	@CoapGetMapping("/items/{id}")
	String item(@CoapPathVariable String id) {
		return id;
	}

	@SuppressWarnings("deprecation")
	@CoapGetMapping(path = "/devices/{id}", discoverAsTemplate = true, resourceType = "device")
	String device(@CoapPathVariable String id) {
		return id;
	}

}
