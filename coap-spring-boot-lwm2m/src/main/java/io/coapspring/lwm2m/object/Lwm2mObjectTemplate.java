package io.coapspring.lwm2m.object;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.coapspring.lwm2m.core.Lwm2mClientNotRegisteredException;
import io.coapspring.lwm2m.core.Lwm2mContent;
import io.coapspring.lwm2m.core.Lwm2mTemplate;
import org.eclipse.leshan.core.model.LwM2mModel;
import org.eclipse.leshan.core.model.ObjectModel;
import org.eclipse.leshan.server.registration.Registration;

import org.springframework.util.Assert;

/**
 * Reads and writes {@link Lwm2mObject @Lwm2mObject} types: an object instance becomes a record, a record becomes
 * a write or a create. Each mapping is checked against the client's object model before anything is sent (the
 * resources exist, are single or multiple as mapped, and have types the Java types can hold); each written value
 * is checked against its resource's type, range or enumeration, and a create needs every mandatory writable
 * resource. A mismatch is an {@link io.coapspring.lwm2m.core.Lwm2mInvalidRequestException} naming the resource.
 *
 * <pre class="code">
 * Device device = lwm2mObjects.read("sensor-1", 0, Device.class);
 * </pre>
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mObjectTemplate {

	private final Lwm2mTemplate template;

	private final Map<Class<?>, Lwm2mObjectMapping<?>> mappings = new ConcurrentHashMap<>();

	/**
	 * Create a template.
	 * @param template the operations it sends through
	 */
	public Lwm2mObjectTemplate(Lwm2mTemplate template) {
		Assert.notNull(template, "'template' must not be null");
		this.template = template;
	}

	/**
	 * Read one object instance into a typed object.
	 * @param <T> the type
	 * @param endpoint the endpoint name
	 * @param instanceId the instance id
	 * @param type an {@code @Lwm2mObject} type
	 * @return the instance
	 */
	public <T> T read(String endpoint, int instanceId, Class<T> type) {
		Lwm2mObjectMapping<T> mapping = checked(endpoint, type);
		Lwm2mContent content = this.template.read(endpoint, "/" + mapping.objectId() + "/" + instanceId);
		return mapping.instantiate(endpoint, content.asMap());
	}

	/**
	 * Read every instance of an object.
	 * @param <T> the type
	 * @param endpoint the endpoint name
	 * @param type an {@code @Lwm2mObject} type
	 * @return the instances by instance id
	 */
	@SuppressWarnings("unchecked")
	public <T> Map<Integer, T> readAll(String endpoint, Class<T> type) {
		Lwm2mObjectMapping<T> mapping = checked(endpoint, type);
		Lwm2mContent content = this.template.read(endpoint, "/" + mapping.objectId());
		Map<Integer, T> instances = new LinkedHashMap<>();
		content.asMap()
			.forEach((id, resources) -> instances.put(id,
					mapping.instantiate(endpoint, (Map<Integer, Object>) resources)));
		return instances;
	}

	/**
	 * Write the writable, non-null resources of a typed object to an instance.
	 * @param endpoint the endpoint name
	 * @param instanceId the instance id
	 * @param value an {@code @Lwm2mObject} instance
	 * @param replace {@code true} to replace the instance, {@code false} for a partial update
	 */
	public void write(String endpoint, int instanceId, Object value, boolean replace) {
		Assert.notNull(value, "'value' must not be null");
		Lwm2mObjectMapping<Object> mapping = checkedFor(endpoint, value);
		Map<Integer, Object> resources = mapping.writableValues(value, objectModel(endpoint, mapping));
		this.template.write(endpoint, "/" + mapping.objectId() + "/" + instanceId, resources, replace);
	}

	/**
	 * Create an instance from a typed object, letting the client choose the instance id.
	 * @param endpoint the endpoint name
	 * @param value an {@code @Lwm2mObject} instance
	 * @return the new instance id
	 */
	public int create(String endpoint, Object value) {
		Assert.notNull(value, "'value' must not be null");
		Lwm2mObjectMapping<Object> mapping = checkedFor(endpoint, value);
		return this.template.create(endpoint, "/" + mapping.objectId(),
				mapping.writableValues(value, objectModel(endpoint, mapping)));
	}

	/**
	 * Create an instance from a typed object with a given id.
	 * @param endpoint the endpoint name
	 * @param instanceId the instance id
	 * @param value an {@code @Lwm2mObject} instance
	 */
	public void create(String endpoint, int instanceId, Object value) {
		Assert.notNull(value, "'value' must not be null");
		Lwm2mObjectMapping<Object> mapping = checkedFor(endpoint, value);
		this.template.create(endpoint, "/" + mapping.objectId(), instanceId,
				mapping.writableValues(value, objectModel(endpoint, mapping)));
	}

	@SuppressWarnings("unchecked")
	private Lwm2mObjectMapping<Object> checkedFor(String endpoint, Object value) {
		return (Lwm2mObjectMapping<Object>) checked(endpoint, value.getClass());
	}

	@SuppressWarnings("unchecked")
	private <T> Lwm2mObjectMapping<T> checked(String endpoint, Class<T> type) {
		Lwm2mObjectMapping<T> mapping = (Lwm2mObjectMapping<T>) this.mappings.computeIfAbsent(type,
				Lwm2mObjectMapping::of);
		mapping.check(endpoint, model(endpoint));
		return mapping;
	}

	private ObjectModel objectModel(String endpoint, Lwm2mObjectMapping<?> mapping) {
		return model(endpoint).getObjectModel(mapping.objectId());
	}

	private LwM2mModel model(String endpoint) {
		Registration registration = this.template.getServer().getRegistrationService().getByEndpoint(endpoint);
		if (registration == null) {
			throw new Lwm2mClientNotRegisteredException(endpoint);
		}
		return this.template.getServer().getModelProvider().getObjectModel(registration);
	}

}
