package io.coapspring.sample;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapDeleteMapping;
import io.coapspring.annotation.CoapFetchMapping;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapMapping;
import io.coapspring.annotation.CoapPatchMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.annotation.CoapPayload;
import io.coapspring.annotation.CoapPostMapping;
import io.coapspring.annotation.CoapPutMapping;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.invocation.CoapResponseStatusException;
import jakarta.validation.Valid;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Import;

/**
 * The sensors over CoAP: one handler method per CoAP method, an observable reading, a validating PUT, a JSON
 * merge patch (RFC 7396, {@code application/merge-patch+json}) beside the plain JSON PATCH, and a slow calibration
 * answered as a separate response.
 * <p>
 * The readings are observable (RFC 7641): {@link SensorObservers} notifies the observers of a sensor whenever it
 * changes, every second with the simulation. An observer may add conditional attributes to its registration to be
 * told only what it cares about, for instance {@code /sensors/1/celsius?gt=25} (when the reading crosses 25 °C),
 * {@code ?st=1} (when it moved by a degree), {@code ?pmin=10} (at most every ten seconds) or {@code ?pmax=60} (at
 * least every minute).
 */
@CoapController
@Import(SensorMergePatch.class)
@CoapMapping(path = "/sensors", produces = { "application/json", "application/cbor" })
class SensorCoapController {

	private final SensorService sensors;

	private final SensorMergePatch mergePatch;

	SensorCoapController(SensorService sensors, SensorMergePatch mergePatch) {
		this.sensors = sensors;
		this.mergePatch = mergePatch;
	}

	@CoapGetMapping(title = "Sensors", resourceType = "sensor-list")
	List<Sensor> list() {
		return this.sensors.findAll();
	}

	// observable: a notification per change of the sensor (see docs/observe.md); discovery lists every sensor
	// (SensorDiscoveryConfiguration)
	@CoapGetMapping(path = "/{id}", observable = true, etag = true, maxAge = 10, resourceType = "temperature-c",
			interfaceDescription = "sensor", title = "Temperature")
	Optional<Sensor> get(@CoapPathVariable String id) {
		return this.sensors.find(id);
	}

	// the reading alone, as text (a number the conditional attributes compare): /sensors/1/celsius?gt=25&pmin=5
	@CoapGetMapping(path = "/{id}/celsius", produces = "text/plain", observable = true, maxAge = 10,
			resourceType = "temperature-c", title = "Reading")
	Optional<String> celsius(@CoapPathVariable String id) {
		return this.sensors.find(id).map((sensor) -> String.valueOf(sensor.celsius()));
	}

	@CoapFetchMapping(consumes = "application/json")
	List<Sensor> fetch(@CoapPayload SensorQuery query) {
		return this.sensors.findAll().stream().filter((sensor) -> sensor.celsius() >= query.minCelsius()).toList();
	}

	@CoapPostMapping(consumes = "application/json")
	CoapResponseEntity<Sensor> create(@CoapPayload SensorChanges initial) {
		if (initial.name() == null) {
			throw new CoapResponseStatusException(ResponseCode.BAD_REQUEST, "name is required");
		}
		Sensor sensor = this.sensors.create(initial.name(), (initial.celsius() != null) ? initial.celsius() : 0);
		return CoapResponseEntity.created("/sensors/" + sensor.id()).body(sensor);
	}

	@CoapPatchMapping(path = "/{id}", consumes = "application/json")
	Sensor patch(@CoapPathVariable String id, @CoapPayload SensorChanges changes) {
		Sensor sensor = existing(id);
		if (changes.name() != null) {
			sensor = sensor.withName(changes.name());
		}
		if (changes.celsius() != null) {
			sensor = sensor.withCelsius(changes.celsius());
		}
		this.sensors.save(sensor);
		return sensor;
	}

	// RFC 7396 JSON merge patch of the writable state, name and threshold: {"threshold":{"celsius":30}}
	@CoapPatchMapping(path = "/{id}", consumes = "application/merge-patch+json")
	Sensor mergePatch(@CoapPathVariable String id, @CoapPayload JsonNode patch) {
		Sensor sensor = this.mergePatch.apply(existing(id), patch);
		this.sensors.save(sensor);
		return sensor;
	}

	@CoapPutMapping(path = "/{id}/threshold", consumes = { "application/json", "application/cbor" })
	void threshold(@CoapPathVariable String id, @CoapPayload @Valid Threshold threshold) {
		this.sensors.save(existing(id).withThreshold(threshold));
	}

	@CoapDeleteMapping("/{id}")
	void delete(@CoapPathVariable String id) {
		if (!this.sensors.delete(id)) {
			throw new CoapResponseStatusException(ResponseCode.NOT_FOUND, "no sensor " + id);
		}
	}

	// Takes about a second: the client gets an empty ACK at once and the result as a separate response
	@CoapPostMapping("/{id}/calibrate")
	CompletableFuture<Calibration> calibrate(@CoapPathVariable String id) {
		Sensor sensor = existing(id);
		return CompletableFuture.supplyAsync(() -> new Calibration(sensor.id(), Math.round(sensor.celsius()) - sensor.celsius()),
				CompletableFuture.delayedExecutor(Duration.ofSeconds(1).toMillis(), TimeUnit.MILLISECONDS));
	}

	private Sensor existing(String id) {
		return this.sensors.find(id)
			.orElseThrow(() -> new CoapResponseStatusException(ResponseCode.NOT_FOUND, "no sensor " + id));
	}

}
