package io.coapspring.server.handler;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.annotation.CoapPayload;
import io.coapspring.annotation.CoapPutMapping;

/**
 * Documents with automatic ETags, for conditional requests.
 */
@CoapController
@CoapMapping(path = "/docs", etag = true, maxAge = 30)
class ConditionalController {

	private final Map<String, String> documents = new ConcurrentHashMap<>(Map.of("a", "first version"));

	@CoapGetMapping("/{name}")
	Optional<String> get(@CoapPathVariable String name) {
		return Optional.ofNullable(this.documents.get(name));
	}

	@CoapPutMapping("/{name}")
	void put(@CoapPathVariable String name, @CoapPayload String text) {
		this.documents.put(name, text);
	}

}
