package io.coapspring.sample.dashboard;

import io.coapspring.client.CoapClientResponseException;
import io.coapspring.client.CoapOperations;
import io.coapspring.client.CoapRequestEntity;
import io.coapspring.client.CoapClientException;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.lwm2m.core.Lwm2mClientNotRegisteredException;
import io.coapspring.lwm2m.core.Lwm2mClientUnreachableException;
import io.coapspring.lwm2m.core.Lwm2mException;
import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.core.Lwm2mResponseException;
import io.coapspring.sample.Sensor;
import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's controls over HTTP, each answered with the device's own response code and diagnostic
 * ({@link ControlResult}):
 * <pre>
 * PUT  /api/dashboard/sensors/1/threshold                 {"celsius":28,"direction":"above"}: CoAP PUT, read back
 * PUT  /api/dashboard/lwm2m/sample-device/write?path=/3/0/14     "+02:00": LWM2M write
 * POST /api/dashboard/lwm2m/sample-device/execute?path=/3/0/4    LWM2M execute (reboot)
 * </pre>
 * The body goes to the device as it is, so that the device judges it: HTTP 200 when it did it, 422 with its
 * diagnostic when it refused (4.xx), 502 when it failed (5.xx), 504 when it did not answer, 404 when it is unknown.
 */
@RestController
class DashboardControlsController {

	private final CoapOperations coap;

	private final ObjectProvider<Lwm2mOperations> lwm2m;

	private final Environment environment;

	DashboardControlsController(CoapOperations coap, ObjectProvider<Lwm2mOperations> lwm2m, Environment environment) {
		this.coap = coap;
		this.lwm2m = lwm2m;
		this.environment = environment;
	}

	@PutMapping("/api/dashboard/sensors/{id}/threshold")
	ResponseEntity<ControlResult> threshold(@PathVariable String id, @RequestBody String threshold) {
		String port = this.environment.getRequiredProperty(CoapPortInfoApplicationContextInitializer.PORT_PROPERTY);
		String uri = "coap://127.0.0.1:" + port + "/sensors/" + id + "/threshold";
		String request = "PUT " + uri;
		try {
			CoapResponseEntity<String> response = this.coap.exchange(CoapRequestEntity
				.put("coap://127.0.0.1:{port}/sensors/{id}/threshold", port, id)
				.contentFormat("application/json")
				.body(threshold), String.class);
			if (!response.isSuccess()) {
				return coap(request, response.getCode(), response.getBody(), null);
			}
			// read back what the device reports now, over CoAP too
			Sensor sensor = this.coap.getForObject("coap://127.0.0.1:{port}/sensors/{id}", Sensor.class, port, id);
			return coap(request, response.getCode(), null, (sensor != null) ? sensor.threshold() : null);
		}
		catch (CoapClientResponseException ex) {
			return coap(request, ex.getCode(), ex.getResponsePayloadAsString(), null);
		}
		catch (CoapClientException ex) {
			return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT)
				.body(new ControlResult("CoAP", request, "NO ANSWER", false, ex.getMessage(), null));
		}
	}

	@PutMapping("/api/dashboard/lwm2m/{endpoint}/write")
	ResponseEntity<ControlResult> write(@PathVariable String endpoint, @RequestParam String path,
			@RequestBody String value) {
		String request = "WRITE " + endpoint + path;
		try {
			lwm2m().write(endpoint, path, value);
			return lwm2m(request, "2.04 CHANGED", null, lwm2m().read(endpoint, path).value());
		}
		catch (Lwm2mException ex) {
			return lwm2mFailure(request, ex);
		}
	}

	@PostMapping("/api/dashboard/lwm2m/{endpoint}/execute")
	ResponseEntity<ControlResult> execute(@PathVariable String endpoint, @RequestParam String path,
			@RequestBody(required = false) @Nullable String arguments) {
		String request = "EXECUTE " + endpoint + path;
		try {
			lwm2m().execute(endpoint, path, arguments);
			return lwm2m(request, "2.04 CHANGED", null, null);
		}
		catch (Lwm2mException ex) {
			return lwm2mFailure(request, ex);
		}
	}

	private Lwm2mOperations lwm2m() {
		Lwm2mOperations operations = this.lwm2m.getIfAvailable();
		if (operations == null) {
			throw new Lwm2mClientNotRegisteredException("(none)");
		}
		return operations;
	}

	private static ResponseEntity<ControlResult> coap(String request, @Nullable ResponseCode code,
			@Nullable String diagnostic, @Nullable Object state) {
		String text = (code != null) ? code.text + " " + code.name() : "NONE";
		boolean success = code != null && code.isSuccess();
		ControlResult result = new ControlResult("CoAP", request, text, success,
				(diagnostic == null || diagnostic.isEmpty()) ? null : diagnostic, state);
		return ResponseEntity.status(status(code)).body(result);
	}

	private static HttpStatus status(@Nullable ResponseCode code) {
		if (code == null || code.isServerError()) {
			return HttpStatus.BAD_GATEWAY;
		}
		if (code == ResponseCode.NOT_FOUND) {
			return HttpStatus.NOT_FOUND;
		}
		return code.isClientError() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK;
	}

	private static ResponseEntity<ControlResult> lwm2m(String request, String code, @Nullable String diagnostic,
			@Nullable Object state) {
		return ResponseEntity.ok(new ControlResult("LWM2M", request, code, true, diagnostic, state));
	}

	private static ResponseEntity<ControlResult> lwm2mFailure(String request, Lwm2mException ex) {
		if (ex instanceof Lwm2mResponseException response) {
			int code = response.getCode();
			String text = (code / 100) + "." + String.format("%02d", code % 100) + " " + response.getCodeName();
			String diagnostic = (response.getErrorMessage() != null) ? response.getErrorMessage() : ex.getMessage();
			HttpStatus status = (code >= 500) ? HttpStatus.BAD_GATEWAY
					: (code == 404) ? HttpStatus.NOT_FOUND : HttpStatus.UNPROCESSABLE_CONTENT;
			return ResponseEntity.status(status)
				.body(new ControlResult("LWM2M", request, text, false, diagnostic, null));
		}
		if (ex instanceof Lwm2mClientNotRegisteredException) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(new ControlResult("LWM2M", request, "NOT REGISTERED", false, ex.getMessage(), null));
		}
		if (ex instanceof Lwm2mClientUnreachableException) {
			return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT)
				.body(new ControlResult("LWM2M", request, "TIMEOUT", false, ex.getMessage(), null));
		}
		// caught before sending: the path or the value does not fit the object model
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
			.body(new ControlResult("LWM2M", request, "4.00 BAD_REQUEST", false, ex.getMessage(), null));
	}

}
