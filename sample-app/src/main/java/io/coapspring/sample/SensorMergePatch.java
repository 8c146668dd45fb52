package io.coapspring.sample;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.coapspring.server.invocation.CoapResponseStatusException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a JSON merge patch (RFC 7396, {@code application/merge-patch+json}) to the writable state of a sensor:
 * its {@code name} and its {@code threshold}. A member of the patch replaces the member of that name, an object
 * is merged into the object it patches, and {@code null} removes the member: {@code {"threshold":{"celsius":30}}}
 * moves the threshold and keeps its direction, {@code {"threshold":null}} removes it. The reading and the
 * identifier are not writable; a patch that touches them, removes the name or leaves an invalid threshold is a bad
 * request. Imported by {@link SensorCoapController}, so that it comes with the controller wherever that goes.
 */
class SensorMergePatch {

	private static final Set<String> WRITABLE = Set.of("name", "threshold");

	private final JsonMapper mapper;

	private final Validator validator;

	SensorMergePatch(JsonMapper mapper, Validator validator) {
		this.mapper = mapper;
		this.validator = validator;
	}

	/**
	 * Apply a merge patch.
	 * @param sensor the sensor
	 * @param patch the patch
	 * @return the patched sensor
	 * @throws CoapResponseStatusException with 4.00 Bad Request if the patch is not applicable
	 */
	Sensor apply(Sensor sensor, JsonNode patch) {
		ObjectNode state = this.mapper.createObjectNode();
		state.put("name", sensor.name());
		if (sensor.threshold() != null) {
			state.set("threshold", this.mapper.valueToTree(sensor.threshold()));
		}
		JsonNode merged = merge(state, patch);
		if (!merged.isObject()) {
			throw badPatch("a merge patch of a sensor is a JSON object, not " + patch);
		}
		for (String name : merged.propertyNames()) {
			if (!WRITABLE.contains(name)) {
				throw badPatch("'" + name + "' cannot be patched; writable are name and threshold");
			}
		}
		JsonNode name = merged.get("name");
		if (name == null || !name.isString() || name.stringValue().isBlank()) {
			throw badPatch("name must be a non-empty string and cannot be removed");
		}
		return sensor.withName(name.stringValue()).withThreshold(threshold(merged.get("threshold")));
	}

	private @Nullable Threshold threshold(@Nullable JsonNode node) {
		if (node == null) {
			return null;
		}
		if (!node.isObject() || node.get("celsius") == null || node.get("direction") == null) {
			throw badPatch("a threshold has celsius and direction, not " + node);
		}
		Threshold threshold;
		try {
			threshold = this.mapper.treeToValue(node, Threshold.class);
		}
		catch (JacksonException ex) {
			throw badPatch("invalid threshold " + node + ": " + ex.getOriginalMessage());
		}
		Set<ConstraintViolation<Threshold>> violations = this.validator.validate(threshold);
		if (!violations.isEmpty()) {
			throw badPatch(violations.stream()
				.map((violation) -> "threshold." + violation.getPropertyPath() + " " + violation.getMessage())
				.sorted()
				.collect(Collectors.joining(", ")));
		}
		return threshold;
	}

	// RFC 7396 section 2
	JsonNode merge(@Nullable JsonNode target, JsonNode patch) {
		if (!patch.isObject()) {
			return patch;
		}
		ObjectNode result = (target != null && target.isObject()) ? (ObjectNode) target.deepCopy()
				: this.mapper.createObjectNode();
		for (Map.Entry<String, JsonNode> member : patch.properties()) {
			if (member.getValue().isNull()) {
				result.remove(member.getKey());
			}
			else {
				result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
			}
		}
		return result;
	}

	private static CoapResponseStatusException badPatch(String reason) {
		return new CoapResponseStatusException(ResponseCode.BAD_REQUEST, "Bad merge patch: " + reason);
	}

}
