package io.coapspring.sample;

import java.util.List;
import java.util.regex.Pattern;

import io.coapspring.server.value.CoapResources;
import io.coapspring.server.value.CoapValueResource;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Adds, updates and removes CoAP value resources at run time from HTTP: {@code PUT /runtime-resources/greeting}
 * with a text body serves it at {@code coap://host/rt/greeting} (observable, discoverable with
 * {@code rt="sample-value"}), a second PUT updates the value and notifies its observers, {@code DELETE} removes it
 * (its observers get a final 4.04).
 */
@RestController
@RequestMapping("/runtime-resources")
class RuntimeResourcesHttpController {

	private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,32}");

	private final CoapResources resources;

	RuntimeResourcesHttpController(CoapResources resources) {
		this.resources = resources;
	}

	@GetMapping
	List<String> paths() {
		return this.resources.getAll().stream().map(CoapValueResource::getPath).sorted().toList();
	}

	@PutMapping("/{name}")
	ResponseEntity<String> put(@PathVariable String name, @RequestBody String value) {
		if (!NAME.matcher(name).matches()) {
			return ResponseEntity.badRequest().body("A name is 1 to 32 of a-z, 0-9 and '-'");
		}
		String path = "/rt/" + name;
		var existing = this.resources.get(path, String.class);
		if (existing.isPresent()) {
			existing.get().value(value);
			return ResponseEntity.ok(path);
		}
		try {
			this.resources.add(path, String.class, value, (spec) -> spec.resourceType("sample-value"));
		}
		catch (IllegalStateException ex) {
			// too many run-time routes (coap.server.routes.max-runtime-routes), or a mapping has the path
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(ex.getMessage());
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(path);
	}

	@DeleteMapping("/{name}")
	ResponseEntity<Void> delete(@PathVariable String name) {
		String path = "/rt/" + name;
		if (!NAME.matcher(name).matches() || this.resources.get(path).isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		try {
			this.resources.remove(path);
		}
		catch (IllegalArgumentException ex) {
			// removed concurrently
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.noContent().build();
	}

}
