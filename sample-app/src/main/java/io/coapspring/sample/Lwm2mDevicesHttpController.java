package io.coapspring.sample;

import java.util.List;
import java.util.Map;

import io.coapspring.lwm2m.core.Lwm2mClientNotRegisteredException;
import io.coapspring.lwm2m.core.Lwm2mClientSleepingException;
import io.coapspring.lwm2m.core.Lwm2mClientUnreachableException;
import io.coapspring.lwm2m.core.Lwm2mContent;
import io.coapspring.lwm2m.core.Lwm2mException;
import io.coapspring.lwm2m.core.Lwm2mInvalidRequestException;
import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.core.Lwm2mResponseException;
import io.coapspring.lwm2m.event.Lwm2mRegistration;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The LWM2M devices registered with this application, over HTTP, through {@link Lwm2mOperations}:
 * <pre>
 * GET  /api/lwm2m/devices
 * GET  /api/lwm2m/devices/sample-device/read?path=/3/0/0
 * PUT  /api/lwm2m/devices/sample-device/write?path=/3/0/14      (body: the value as text)
 * POST /api/lwm2m/devices/sample-device/execute?path=/3/0/4     (body: arguments, optional)
 * </pre>
 * Errors come back as problem details: 404 not registered, 503 sleeping, 504 unreachable, 400 invalid, 502 the
 * device's own LWM2M error code. Only there while the LWM2M server runs ({@code coap.lwm2m.server.enabled}), so that
 * the sample also starts as a plain CoAP node without it.
 */
@RestController
@ConditionalOnBooleanProperty(name = "coap.lwm2m.server.enabled", matchIfMissing = true)
class Lwm2mDevicesHttpController {

	private final Lwm2mOperations lwm2m;

	Lwm2mDevicesHttpController(Lwm2mOperations lwm2m) {
		this.lwm2m = lwm2m;
	}

	@GetMapping("/api/lwm2m/devices")
	List<Lwm2mRegistration> devices() {
		return this.lwm2m.getRegistrations();
	}

	@GetMapping("/api/lwm2m/devices/{endpoint}/read")
	Map<String, Object> read(@PathVariable String endpoint, @RequestParam String path) {
		Lwm2mContent content = this.lwm2m.read(endpoint, path);
		return Map.of("path", content.path(), "value", content.value());
	}

	@PutMapping("/api/lwm2m/devices/{endpoint}/write")
	void write(@PathVariable String endpoint, @RequestParam String path, @RequestBody String value) {
		this.lwm2m.write(endpoint, path, value);
	}

	@PostMapping("/api/lwm2m/devices/{endpoint}/execute")
	void execute(@PathVariable String endpoint, @RequestParam String path,
			@RequestBody(required = false) @Nullable String arguments) {
		this.lwm2m.execute(endpoint, path, arguments);
	}

	@ExceptionHandler(Lwm2mException.class)
	ProblemDetail failed(Lwm2mException ex) {
		HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
		if (ex instanceof Lwm2mClientNotRegisteredException) {
			status = HttpStatus.NOT_FOUND;
		}
		else if (ex instanceof Lwm2mClientSleepingException) {
			status = HttpStatus.SERVICE_UNAVAILABLE;
		}
		else if (ex instanceof Lwm2mClientUnreachableException) {
			status = HttpStatus.GATEWAY_TIMEOUT;
		}
		else if (ex instanceof Lwm2mInvalidRequestException) {
			status = HttpStatus.BAD_REQUEST;
		}
		else if (ex instanceof Lwm2mResponseException) {
			status = HttpStatus.BAD_GATEWAY;
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		if (ex instanceof Lwm2mResponseException response) {
			problem.setProperty("lwm2mCode", response.getCode());
		}
		return problem;
	}

}
