package io.coapspring.lwm2m.cluster.events;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coapspring.lwm2m.core.Lwm2mContent;
import io.coapspring.lwm2m.event.Lwm2mAwakeEvent;
import io.coapspring.lwm2m.event.Lwm2mDeregisteredEvent;
import io.coapspring.lwm2m.event.Lwm2mEvent;
import io.coapspring.lwm2m.event.Lwm2mNotificationEvent;
import io.coapspring.lwm2m.event.Lwm2mRegisteredEvent;
import io.coapspring.lwm2m.event.Lwm2mRegistration;
import io.coapspring.lwm2m.event.Lwm2mRegistrationUpdatedEvent;
import io.coapspring.lwm2m.event.Lwm2mSendEvent;
import io.coapspring.lwm2m.event.Lwm2mSleepingEvent;

/**
 * Writes an {@link Lwm2mEvent} as the fields of a Redis Stream entry and reads it back, with small JSON (Jackson,
 * which Leshan brings): the event's type, its {@link Lwm2mRegistration} and, for notifications and Send data, the
 * {@link Lwm2mContent} with a type tag on every value, so that a {@code Long}, an {@code Instant}, a
 * {@code byte[]} or a map of resources comes back as the same Java type.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mEventCodec {

	static final String TYPE = "type";

	static final String REGISTRATION = "registration";

	static final String EXPIRED = "expired";

	static final String CONTENT = "content";

	static final String DATA = "data";

	private final ObjectMapper json = new ObjectMapper();

	/**
	 * Write an event as the fields of a stream entry.
	 * @param event the event
	 * @return the fields
	 * @throws IllegalArgumentException if the event is of a type this codec does not know
	 */
	public Map<String, String> encode(Lwm2mEvent event) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(TYPE, type(event));
		fields.put(REGISTRATION, write(registration(event.getRegistration())));
		if (event instanceof Lwm2mDeregisteredEvent deregistered) {
			fields.put(EXPIRED, Boolean.toString(deregistered.isExpired()));
		}
		else if (event instanceof Lwm2mNotificationEvent notification) {
			fields.put(CONTENT, write(content(notification.getContent())));
		}
		else if (event instanceof Lwm2mSendEvent send) {
			ArrayNode data = this.json.createArrayNode();
			send.getData().values().forEach((content) -> data.add(content(content)));
			fields.put(DATA, write(data));
		}
		return fields;
	}

	/**
	 * Read an event back from the fields of a stream entry.
	 * @param fields the fields
	 * @param source the source of the event (this node's server)
	 * @return the event
	 * @throws IllegalArgumentException if the fields do not hold an event
	 */
	public Lwm2mEvent decode(Map<String, String> fields, Object source) {
		String type = required(fields, TYPE);
		Lwm2mRegistration registration = registration(read(required(fields, REGISTRATION)));
		return switch (type) {
			case "registered" -> new Lwm2mRegisteredEvent(source, registration);
			case "updated" -> new Lwm2mRegistrationUpdatedEvent(source, registration);
			case "deregistered" ->
				new Lwm2mDeregisteredEvent(source, registration, Boolean.parseBoolean(required(fields, EXPIRED)));
			case "awake" -> new Lwm2mAwakeEvent(source, registration);
			case "sleeping" -> new Lwm2mSleepingEvent(source, registration);
			case "notification" ->
				new Lwm2mNotificationEvent(source, registration, content(read(required(fields, CONTENT))));
			case "send" -> new Lwm2mSendEvent(source, registration, data(read(required(fields, DATA))));
			default -> throw new IllegalArgumentException("Unknown LWM2M event type '" + type + "'");
		};
	}

	private static String type(Lwm2mEvent event) {
		if (event instanceof Lwm2mRegisteredEvent) {
			return "registered";
		}
		if (event instanceof Lwm2mRegistrationUpdatedEvent) {
			return "updated";
		}
		if (event instanceof Lwm2mDeregisteredEvent) {
			return "deregistered";
		}
		if (event instanceof Lwm2mAwakeEvent) {
			return "awake";
		}
		if (event instanceof Lwm2mSleepingEvent) {
			return "sleeping";
		}
		if (event instanceof Lwm2mNotificationEvent) {
			return "notification";
		}
		if (event instanceof Lwm2mSendEvent) {
			return "send";
		}
		throw new IllegalArgumentException("Cannot carry " + event.getClass().getName() + " across the cluster");
	}

	private ObjectNode registration(Lwm2mRegistration registration) {
		ObjectNode node = this.json.createObjectNode();
		node.put("endpoint", registration.endpoint());
		node.put("id", registration.registrationId());
		InetSocketAddress address = registration.address();
		node.put("host", (address.getAddress() != null) ? address.getAddress().getHostAddress()
				: address.getHostString());
		node.put("port", address.getPort());
		node.put("lifetime", registration.lifetime().toMillis());
		node.put("version", registration.lwm2mVersion());
		registration.bindings().forEach(node.putArray("bindings")::add);
		node.put("queue", registration.queueMode());
		registration.objectLinks().forEach(node.putArray("links")::add);
		node.put("registered", registration.registered().toString());
		node.put("lastUpdate", registration.lastUpdate().toString());
		return node;
	}

	private static Lwm2mRegistration registration(JsonNode node) {
		Set<String> bindings = new LinkedHashSet<>();
		node.path("bindings").forEach((binding) -> bindings.add(binding.asText()));
		List<String> links = new ArrayList<>();
		node.path("links").forEach((link) -> links.add(link.asText()));
		return new Lwm2mRegistration(text(node, "endpoint"), text(node, "id"),
				address(text(node, "host"), node.path("port").asInt()), Duration.ofMillis(node.path("lifetime").asLong()),
				text(node, "version"), bindings, node.path("queue").asBoolean(), links,
				Instant.parse(text(node, "registered")), Instant.parse(text(node, "lastUpdate")));
	}

	private static InetSocketAddress address(String host, int port) {
		try {
			// an IP literal: no name lookup
			return new InetSocketAddress(InetAddress.getByName(host), port);
		}
		catch (UnknownHostException ex) {
			return InetSocketAddress.createUnresolved(host, port);
		}
	}

	private ObjectNode content(Lwm2mContent content) {
		ObjectNode node = this.json.createObjectNode();
		node.put("path", content.path());
		node.set("value", value(content.value()));
		return node;
	}

	private static Lwm2mContent content(JsonNode node) {
		return new Lwm2mContent(text(node, "path"), value(node.path("value")));
	}

	private static Map<String, Lwm2mContent> data(JsonNode node) {
		Map<String, Lwm2mContent> data = new LinkedHashMap<>();
		node.forEach((item) -> {
			Lwm2mContent content = content(item);
			data.put(content.path(), content);
		});
		return data;
	}

	private ObjectNode value(Object value) {
		ObjectNode node = this.json.createObjectNode();
		if (value instanceof String text) {
			node.put("s", text);
		}
		else if (value instanceof Long || value instanceof Integer || value instanceof Short
				|| value instanceof Byte) {
			node.put("i", ((Number) value).longValue());
		}
		else if (value instanceof BigInteger big) {
			node.put("u", big.toString());
		}
		else if (value instanceof Double || value instanceof Float) {
			node.put("f", ((Number) value).doubleValue());
		}
		else if (value instanceof Boolean flag) {
			node.put("b", flag);
		}
		else if (value instanceof Instant instant) {
			node.put("t", instant.toString());
		}
		else if (value instanceof byte[] bytes) {
			node.put("o", Base64.getEncoder().encodeToString(bytes));
		}
		else if (value instanceof Map<?, ?> map) {
			ObjectNode entries = node.putObject("m");
			map.forEach((id, item) -> {
				if (item != null) {
					entries.set(String.valueOf(id), value(item));
				}
			});
		}
		else {
			node.put("s", String.valueOf(value));
		}
		return node;
	}

	private static Object value(JsonNode node) {
		Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
		if (!fields.hasNext()) {
			throw new IllegalArgumentException("A value without its type: " + node);
		}
		Map.Entry<String, JsonNode> field = fields.next();
		JsonNode value = field.getValue();
		return switch (field.getKey()) {
			case "s" -> value.asText();
			case "i" -> value.asLong();
			case "u" -> new BigInteger(value.asText());
			case "f" -> value.asDouble();
			case "b" -> value.asBoolean();
			case "t" -> Instant.parse(value.asText());
			case "o" -> Base64.getDecoder().decode(value.asText());
			case "m" -> map(value);
			default -> throw new IllegalArgumentException("Unknown value type '" + field.getKey() + "'");
		};
	}

	private static Map<Integer, Object> map(JsonNode node) {
		Map<Integer, Object> map = new LinkedHashMap<>();
		node.fields().forEachRemaining((entry) -> map.put(Integer.valueOf(entry.getKey()), value(entry.getValue())));
		return map;
	}

	private static String required(Map<String, String> fields, String name) {
		String value = fields.get(name);
		if (value == null) {
			throw new IllegalArgumentException("The stream entry has no '" + name + "' field");
		}
		return value;
	}

	private static String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || !value.isTextual()) {
			throw new IllegalArgumentException("'" + name + "' is missing in " + node);
		}
		return value.asText();
	}

	private String write(JsonNode node) {
		try {
			return this.json.writeValueAsString(node);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	private JsonNode read(String text) {
		try {
			return this.json.readTree(text);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException("Not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

}
