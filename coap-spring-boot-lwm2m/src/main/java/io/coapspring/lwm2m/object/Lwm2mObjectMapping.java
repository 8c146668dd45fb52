package io.coapspring.lwm2m.object;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.coapspring.lwm2m.core.Lwm2mInvalidRequestException;
import org.eclipse.leshan.core.model.LwM2mModel;
import org.eclipse.leshan.core.model.ObjectModel;
import org.eclipse.leshan.core.model.ResourceModel;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.ReflectionUtils;

/**
 * How one {@link Lwm2mObject @Lwm2mObject} type maps to its object: its resources, their Java types, and how to
 * build an instance from values and take values from an instance.
 *
 * @param <T> the mapped type
 * @author CoAP Spring Boot team
 */
final class Lwm2mObjectMapping<T> {

	private final Class<T> type;

	private final int objectId;

	private final List<Property> properties;

	private final @Nullable Constructor<T> recordConstructor;

	private Lwm2mObjectMapping(Class<T> type, int objectId, List<Property> properties,
			@Nullable Constructor<T> recordConstructor) {
		this.type = type;
		this.objectId = objectId;
		this.properties = properties;
		this.recordConstructor = recordConstructor;
	}

	static <T> Lwm2mObjectMapping<T> of(Class<T> type) {
		Lwm2mObject object = type.getAnnotation(Lwm2mObject.class);
		Assert.isTrue(object != null, () -> type.getName() + " is not annotated with @Lwm2mObject");
		List<Property> properties = new ArrayList<>();
		Constructor<T> constructor = null;
		if (type.isRecord()) {
			RecordComponent[] components = type.getRecordComponents();
			Class<?>[] parameterTypes = new Class<?>[components.length];
			for (int i = 0; i < components.length; i++) {
				RecordComponent component = components[i];
				parameterTypes[i] = component.getType();
				Lwm2mResource resource = annotation(component, type, i);
				properties.add(new Property(component.getName(), (resource != null) ? resource.value() : -1,
						component.getType(), component.getGenericType(), component.getAccessor(), null));
			}
			try {
				constructor = type.getDeclaredConstructor(parameterTypes);
				ReflectionUtils.makeAccessible(constructor);
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalArgumentException("Record " + type.getName() + " has no canonical constructor", ex);
			}
		}
		else {
			ReflectionUtils.doWithFields(type, (field) -> {
				Lwm2mResource resource = field.getAnnotation(Lwm2mResource.class);
				if (resource != null && !Modifier.isStatic(field.getModifiers())) {
					ReflectionUtils.makeAccessible(field);
					properties.add(new Property(field.getName(), resource.value(), field.getType(),
							field.getGenericType(), null, field));
				}
			});
		}
		Assert.isTrue(properties.stream().anyMatch((property) -> property.resourceId >= 0),
				() -> type.getName() + " maps no resource (annotate components or fields with @Lwm2mResource)");
		return new Lwm2mObjectMapping<>(type, object.value(), List.copyOf(properties), constructor);
	}

	private static @Nullable Lwm2mResource annotation(RecordComponent component, Class<?> type, int index) {
		Lwm2mResource resource = component.getAnnotation(Lwm2mResource.class);
		if (resource == null) {
			try {
				Field field = type.getDeclaredField(component.getName());
				resource = field.getAnnotation(Lwm2mResource.class);
			}
			catch (NoSuchFieldException ex) {
				// records always have the field
			}
		}
		return resource;
	}

	int objectId() {
		return this.objectId;
	}

	Class<T> type() {
		return this.type;
	}

	/**
	 * Check every mapped resource against the client's model: it exists, and its Java type can hold the
	 * resource's type.
	 */
	void check(String endpoint, LwM2mModel model) {
		ObjectModel object = model.getObjectModel(this.objectId);
		if (object == null) {
			throw new Lwm2mInvalidRequestException(endpoint, this.type.getSimpleName() + ": object " + this.objectId
					+ " is not in the object model of '" + endpoint + "'", null);
		}
		for (Property property : this.properties) {
			if (property.resourceId < 0) {
				continue;
			}
			ResourceModel resource = object.resources.get(property.resourceId);
			if (resource == null) {
				throw new Lwm2mInvalidRequestException(endpoint, this.type.getSimpleName() + "." + property.name
						+ ": resource " + property.resourceId + " is not defined by object " + this.objectId + " ("
						+ object.name + ")", null);
			}
			boolean multiple = Map.class.isAssignableFrom(property.javaType);
			if (multiple != Boolean.TRUE.equals(resource.multiple)) {
				throw new Lwm2mInvalidRequestException(endpoint, this.type.getSimpleName() + "." + property.name
						+ ": resource " + describe(resource) + " is a " + (resource.multiple ? "multiple" : "single")
						+ " resource; map it to " + (resource.multiple ? "a Map<Integer, ?>" : "a single value"),
						null);
			}
			Class<?> valueType = multiple ? mapValueType(property.genericType) : property.javaType;
			if (resource.type != null && resource.type != ResourceModel.Type.NONE && valueType != null
					&& !fits(resource.type, valueType)) {
				throw new Lwm2mInvalidRequestException(endpoint,
						this.type.getSimpleName() + "." + property.name + ": resource " + describe(resource)
								+ " is of type " + resource.type + ", which a " + valueType.getSimpleName()
								+ " cannot hold",
						null);
			}
		}
	}

	private String describe(ResourceModel resource) {
		return "/" + this.objectId + "/x/" + resource.id + " (" + resource.name + ")";
	}

	private static @Nullable Class<?> mapValueType(Type generic) {
		if (generic instanceof ParameterizedType parameterized
				&& parameterized.getActualTypeArguments()[1] instanceof Class<?> value) {
			return value;
		}
		return null;
	}

	private static boolean fits(ResourceModel.Type type, Class<?> javaType) {
		Class<?> boxed = box(javaType);
		return switch (type) {
			case STRING, OBJLNK, CORELINK -> boxed == String.class;
			case INTEGER, UNSIGNED_INTEGER -> boxed == Integer.class || boxed == Long.class || boxed == Short.class
					|| boxed == BigInteger.class;
			case FLOAT -> boxed == Double.class || boxed == Float.class;
			case BOOLEAN -> boxed == Boolean.class;
			case TIME -> boxed == Instant.class;
			case OPAQUE -> boxed == byte[].class;
			default -> false;
		};
	}

	private static Class<?> box(Class<?> type) {
		if (!type.isPrimitive()) {
			return type;
		}
		if (type == int.class) {
			return Integer.class;
		}
		if (type == long.class) {
			return Long.class;
		}
		if (type == short.class) {
			return Short.class;
		}
		if (type == double.class) {
			return Double.class;
		}
		if (type == float.class) {
			return Float.class;
		}
		if (type == boolean.class) {
			return Boolean.class;
		}
		return type;
	}

	/**
	 * Build an instance from the resources a client returned.
	 */
	T instantiate(String endpoint, Map<Integer, Object> resources) {
		try {
			if (this.recordConstructor != null) {
				Object[] arguments = new Object[this.properties.size()];
				for (int i = 0; i < arguments.length; i++) {
					arguments[i] = convert(endpoint, this.properties.get(i), resources);
				}
				return this.recordConstructor.newInstance(arguments);
			}
			Constructor<T> constructor = this.type.getDeclaredConstructor();
			ReflectionUtils.makeAccessible(constructor);
			T instance = constructor.newInstance();
			for (Property property : this.properties) {
				Object value = convert(endpoint, property, resources);
				if (value != null || !property.javaType.isPrimitive()) {
					ReflectionUtils.setField(property.field, instance, value);
				}
			}
			return instance;
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot create " + this.type.getName() + ": " + ex.getMessage(), ex);
		}
	}

	private @Nullable Object convert(String endpoint, Property property, Map<Integer, Object> resources) {
		Object value = (property.resourceId >= 0) ? resources.get(property.resourceId) : null;
		if (value == null) {
			if (property.javaType.isPrimitive()) {
				throw new Lwm2mInvalidRequestException(endpoint, this.type.getSimpleName() + "." + property.name
						+ ": resource /" + this.objectId + "/x/" + property.resourceId
						+ " is missing from the client's answer; a primitive cannot hold its absence (use a boxed "
						+ "type)", null);
			}
			return null;
		}
		if (value instanceof Map<?, ?> map && Map.class.isAssignableFrom(property.javaType)) {
			Class<?> valueType = mapValueType(property.genericType);
			Map<Integer, Object> converted = new LinkedHashMap<>();
			map.forEach((key, item) -> converted.put((Integer) key,
					(valueType != null) ? number(item, valueType) : item));
			return converted;
		}
		return number(value, property.javaType);
	}

	private static Object number(Object value, Class<?> target) {
		Class<?> boxed = box(target);
		if (value instanceof Number number) {
			if (boxed == Integer.class) {
				return Math.toIntExact(number.longValue());
			}
			if (boxed == Short.class) {
				return (short) Math.toIntExact(number.longValue());
			}
			if (boxed == Long.class) {
				return number.longValue();
			}
			if (boxed == Float.class) {
				return number.floatValue();
			}
			if (boxed == Double.class) {
				return number.doubleValue();
			}
			if (boxed == BigInteger.class) {
				return new BigInteger(number.toString());
			}
		}
		return value;
	}

	/**
	 * Take the resource values of an instance: the mapped, non-null values of resources the model lets a server
	 * write.
	 */
	Map<Integer, Object> writableValues(T instance, ObjectModel model) {
		Map<Integer, Object> values = new LinkedHashMap<>();
		for (Property property : this.properties) {
			if (property.resourceId < 0) {
				continue;
			}
			ResourceModel resource = model.resources.get(property.resourceId);
			if (resource == null || !resource.operations.isWritable()) {
				continue;
			}
			Object value = property.get(instance);
			if (value != null) {
				values.put(property.resourceId, value);
			}
		}
		return values;
	}

	private record Property(String name, int resourceId, Class<?> javaType, Type genericType,
			java.lang.reflect.@Nullable Method accessor, @Nullable Field field) {

		@Nullable Object get(Object instance) {
			if (this.accessor != null) {
				ReflectionUtils.makeAccessible(this.accessor);
				return ReflectionUtils.invokeMethod(this.accessor, instance);
			}
			return ReflectionUtils.getField(this.field, instance);
		}

	}

}
