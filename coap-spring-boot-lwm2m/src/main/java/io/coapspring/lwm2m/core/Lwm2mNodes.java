package io.coapspring.lwm2m.core;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.leshan.core.link.Link;
import org.eclipse.leshan.core.link.LinkParseException;
import org.eclipse.leshan.core.link.lwm2m.DefaultLwM2mLinkParser;
import org.eclipse.leshan.core.model.LwM2mModel;
import org.eclipse.leshan.core.model.ObjectModel;
import org.eclipse.leshan.core.model.ResourceModel;
import org.eclipse.leshan.core.model.ResourceModel.Type;
import org.eclipse.leshan.core.node.LwM2mMultipleResource;
import org.eclipse.leshan.core.node.LwM2mNode;
import org.eclipse.leshan.core.node.LwM2mObject;
import org.eclipse.leshan.core.node.LwM2mObjectInstance;
import org.eclipse.leshan.core.node.LwM2mPath;
import org.eclipse.leshan.core.node.LwM2mResource;
import org.eclipse.leshan.core.node.LwM2mResourceInstance;
import org.eclipse.leshan.core.node.LwM2mSingleResource;
import org.eclipse.leshan.core.node.ObjectLink;
import org.eclipse.leshan.core.util.datatype.ULong;
import org.jspecify.annotations.Nullable;

/**
 * Converts between Leshan's node tree and the plain Java values of {@link Lwm2mContent}, and builds the nodes of a
 * write or create from Java values, checking each value against the object model first (type, range or
 * enumeration, writability) so that a mismatch fails before anything is sent, naming the resource. Wiring between
 * Leshan and this API: only {@link #toContent} is public, for the server's event publishers; applications see
 * {@link Lwm2mContent} and never need this class.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class Lwm2mNodes {

	private Lwm2mNodes() {
	}

	/**
	 * Convert a node a client returned into {@link Lwm2mContent}.
	 * @param path the path of the node
	 * @param node the node
	 * @return the content
	 */
	public static Lwm2mContent toContent(LwM2mPath path, LwM2mNode node) {
		return new Lwm2mContent(path.toString(), toValue(node));
	}

	/**
	 * Convert a node into the plain value {@link Lwm2mContent#value()} describes.
	 * @param node the node
	 * @return the value
	 */
	static Object toValue(LwM2mNode node) {
		if (node instanceof LwM2mSingleResource single) {
			return toJava(single.getValue());
		}
		if (node instanceof LwM2mMultipleResource multiple) {
			Map<Integer, Object> values = new LinkedHashMap<>();
			multiple.getInstances().forEach((id, instance) -> values.put(id, toJava(instance.getValue())));
			return values;
		}
		if (node instanceof LwM2mResourceInstance instance) {
			return toJava(instance.getValue());
		}
		if (node instanceof LwM2mObjectInstance instance) {
			Map<Integer, Object> resources = new LinkedHashMap<>();
			instance.getResources().forEach((id, resource) -> resources.put(id, toValue(resource)));
			return resources;
		}
		if (node instanceof LwM2mObject object) {
			Map<Integer, Object> instances = new LinkedHashMap<>();
			object.getInstances().forEach((id, instance) -> instances.put(id, toValue(instance)));
			return instances;
		}
		return String.valueOf(node);
	}

	private static Object toJava(Object value) {
		if (value instanceof Date date) {
			return date.toInstant();
		}
		if (value instanceof ObjectLink link) {
			return link.encodeToString();
		}
		if (value instanceof ULong unsigned) {
			BigInteger big = new BigInteger(unsigned.toString());
			return (big.bitLength() < 64) ? (Object) big.longValue() : big;
		}
		if (value instanceof Link[] links) {
			StringBuilder text = new StringBuilder();
			for (Link link : links) {
				text.append((text.length() > 0) ? "," : "").append(link.toCoreLinkFormat());
			}
			return text.toString();
		}
		return value;
	}

	/**
	 * Build the resource node for a write or create of one resource, checking the value against the model.
	 * @param endpoint the client's endpoint name (for error messages)
	 * @param model the client's object model
	 * @param objectId the object id
	 * @param resourceId the resource id
	 * @param value a single value, or a {@code Map<Integer, ?>} of resource instances for a multiple resource
	 * @return the resource node
	 * @throws Lwm2mInvalidRequestException if the model does not know the resource, the resource is not
	 * writable, or a value does not fit it
	 */
	static LwM2mResource toResource(String endpoint, LwM2mModel model, int objectId, int resourceId,
			Object value) {
		ResourceModel resource = resourceModel(endpoint, model, objectId, resourceId);
		String name = describe(objectId, resource);
		if (!resource.operations.isWritable()) {
			throw new Lwm2mInvalidRequestException(endpoint, "Resource " + name + " is not writable", null);
		}
		if (value instanceof Map<?, ?> instances) {
			if (!Boolean.TRUE.equals(resource.multiple)) {
				throw new Lwm2mInvalidRequestException(endpoint,
						"Resource " + name + " is a single resource; got several instances", null);
			}
			Map<Integer, Object> converted = new LinkedHashMap<>();
			instances.forEach((id, instanceValue) -> converted.put(toId(endpoint, name, id),
					convert(endpoint, name, resource, instanceValue)));
			return LwM2mMultipleResource.newResource(resourceId, converted, resource.type);
		}
		if (Boolean.TRUE.equals(resource.multiple)) {
			throw new Lwm2mInvalidRequestException(endpoint,
					"Resource " + name + " is a multiple resource; write a Map of instance id to value", null);
		}
		return LwM2mSingleResource.newResource(resourceId, convert(endpoint, name, resource, value), resource.type);
	}

	/**
	 * Build the resource nodes of an object instance, checking each value against the model.
	 * @param endpoint the client's endpoint name
	 * @param model the client's object model
	 * @param objectId the object id
	 * @param resources resource id to value
	 * @param checkMandatory whether every mandatory writable resource must be present (create, replace)
	 * @return the resource nodes
	 */
	static List<LwM2mResource> toResources(String endpoint, LwM2mModel model, int objectId,
			Map<Integer, ?> resources, boolean checkMandatory) {
		ObjectModel object = objectModel(endpoint, model, objectId);
		if (checkMandatory) {
			for (ResourceModel resource : object.resources.values()) {
				if (Boolean.TRUE.equals(resource.mandatory) && resource.operations.isWritable()
						&& !resources.containsKey(resource.id)) {
					throw new Lwm2mInvalidRequestException(endpoint,
							"Mandatory resource " + describe(objectId, resource) + " is missing", null);
				}
			}
		}
		List<LwM2mResource> nodes = new ArrayList<>();
		resources.forEach((id, value) -> nodes.add(toResource(endpoint, model, objectId, id, value)));
		return nodes;
	}

	/**
	 * Return the model of an object, or fail naming it.
	 * @param endpoint the client's endpoint name
	 * @param model the client's model
	 * @param objectId the object id
	 * @return the object model
	 */
	static ObjectModel objectModel(String endpoint, LwM2mModel model, int objectId) {
		ObjectModel object = model.getObjectModel(objectId);
		if (object == null) {
			throw new Lwm2mInvalidRequestException(endpoint,
					"Object " + objectId + " is not in the object model of '" + endpoint
							+ "' (add its DDF file to coap.lwm2m.server.models.locations)",
					null);
		}
		return object;
	}

	/**
	 * Return the model of a resource, or fail naming it.
	 * @param endpoint the client's endpoint name
	 * @param model the client's model
	 * @param objectId the object id
	 * @param resourceId the resource id
	 * @return the resource model
	 */
	static ResourceModel resourceModel(String endpoint, LwM2mModel model, int objectId, int resourceId) {
		ObjectModel object = objectModel(endpoint, model, objectId);
		ResourceModel resource = object.resources.get(resourceId);
		if (resource == null) {
			throw new Lwm2mInvalidRequestException(endpoint,
					"Resource " + resourceId + " is not defined by object " + objectId + " (" + object.name + ")",
					null);
		}
		return resource;
	}

	static String describe(int objectId, ResourceModel resource) {
		return "/" + objectId + "/x/" + resource.id + " (" + resource.name + ")";
	}

	private static int toId(String endpoint, String name, Object id) {
		if (id instanceof Number number && number.intValue() >= 0) {
			return number.intValue();
		}
		throw new Lwm2mInvalidRequestException(endpoint,
				"Resource " + name + ": instance ids must be non-negative integers, got " + id, null);
	}

	private static Object convert(String endpoint, String name, ResourceModel resource, @Nullable Object value) {
		if (value == null) {
			throw new Lwm2mInvalidRequestException(endpoint, "Resource " + name + ": null is not a value", null);
		}
		Object converted = convertType(resource.type, value);
		if (converted == null) {
			throw new Lwm2mInvalidRequestException(endpoint, "Resource " + name + " is of type " + resource.type
					+ "; a " + value.getClass().getSimpleName() + " (" + value + ") does not fit", null);
		}
		String problem = Lwm2mRanges.check(resource, converted);
		if (problem != null) {
			throw new Lwm2mInvalidRequestException(endpoint, "Resource " + name + ": " + problem, null);
		}
		return converted;
	}

	private static @Nullable Object convertType(Type type, Object value) {
		switch (type) {
			case STRING:
				return (value instanceof CharSequence || value instanceof Enum<?>) ? value.toString() : null;
			case INTEGER:
				if (value instanceof Long || value instanceof Integer || value instanceof Short
						|| value instanceof Byte) {
					return ((Number) value).longValue();
				}
				if (value instanceof BigInteger big && big.bitLength() < 64) {
					return big.longValue();
				}
				return null;
			case UNSIGNED_INTEGER:
				if ((value instanceof Long || value instanceof Integer || value instanceof Short
						|| value instanceof Byte) && ((Number) value).longValue() >= 0) {
					return ULong.valueOf(((Number) value).longValue());
				}
				if (value instanceof BigInteger big && big.signum() >= 0 && big.bitLength() <= 64) {
					return ULong.valueOf(big);
				}
				return null;
			case FLOAT:
				return (value instanceof Number number) ? number.doubleValue() : null;
			case BOOLEAN:
				return (value instanceof Boolean) ? value : null;
			case TIME:
				if (value instanceof Instant instant) {
					return Date.from(instant);
				}
				return (value instanceof Date) ? value : null;
			case OPAQUE:
				return (value instanceof byte[]) ? value : null;
			case OBJLNK:
				if (value instanceof String text) {
					try {
						return ObjectLink.decodeFromString(text);
					}
					catch (RuntimeException ex) {
						return null;
					}
				}
				return null;
			case CORELINK:
				if (value instanceof String text) {
					try {
						return new DefaultLwM2mLinkParser().parseCoreLinkFormat(text.getBytes(StandardCharsets.UTF_8));
					}
					catch (LinkParseException ex) {
						return null;
					}
				}
				return null;
			default:
				return null;
		}
	}

}
