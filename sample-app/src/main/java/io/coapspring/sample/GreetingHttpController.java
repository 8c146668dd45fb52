package io.coapspring.sample;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The HTTP face of the greeting service.
 */
@RestController
class GreetingHttpController {

	private final GreetingService greetings;

	GreetingHttpController(GreetingService greetings) {
		this.greetings = greetings;
	}

	@GetMapping("/api/hello")
	Map<String, Object> hello(@RequestParam(defaultValue = "HTTP") String name) {
		return Map.of("greeting", this.greetings.greet(name), "count", this.greetings.count());
	}

}
