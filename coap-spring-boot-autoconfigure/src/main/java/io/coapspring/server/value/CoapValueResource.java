package io.coapspring.server.value;

import java.util.concurrent.atomic.AtomicReference;

import io.coapspring.server.function.CoapRouteRegistration;
import io.coapspring.server.function.CoapServerRequest;
import io.coapspring.server.function.CoapServerResponse;
import io.coapspring.server.observe.CoapNotifier;
import org.jspecify.annotations.Nullable;

/**
 * A value served at a path, as a resource of the Pycom CoAP module: GET returns it, PUT (and POST, if allowed)
 * replace it, {@link #value()} and {@link #value(Object)} read and update it from application code, and every
 * change is notified to its observers. Created by {@link CoapResources#add}.
 *
 * @param <T> the type of the value, {@code byte[]} for raw bytes
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapValueResource<T> {

	private final String path;

	private final Class<T> type;

	private final int contentFormat;

	private final boolean validate;

	private final CoapNotifier notifier;

	private final AtomicReference<@Nullable T> value;

	private volatile @Nullable CoapRouteRegistration registration;

	CoapValueResource(String path, Class<T> type, @Nullable T value, CoapValueResourceSpec spec,
			CoapNotifier notifier) {
		this.path = path;
		this.type = type;
		this.contentFormat = spec.contentFormat(type);
		this.validate = spec.validate();
		this.notifier = notifier;
		this.value = new AtomicReference<>(value);
	}

	/**
	 * Return the path.
	 * @return the path, with a leading {@code /}
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * Return the type of the value.
	 * @return the type
	 */
	public Class<T> getType() {
		return this.type;
	}

	/**
	 * Return the Content-Format the value is served in.
	 * @return the format number
	 */
	public int getContentFormat() {
		return this.contentFormat;
	}

	/**
	 * Return the current value (Pycom's {@code resource.value()}).
	 * @return the value, {@code null} if it has none
	 */
	public @Nullable T value() {
		return this.value.get();
	}

	/**
	 * Replace the value and notify the observers (Pycom's {@code resource.value(v)}).
	 * @param value the new value, {@code null} for none
	 * @return the number of observers notified
	 */
	public int value(@Nullable T value) {
		this.value.set(value);
		return this.notifier.changed(this.path);
	}

	/**
	 * Return whether the resource is still served.
	 * @return {@code false} once removed
	 */
	public boolean isActive() {
		return this.registration != null;
	}

	CoapServerResponse get(CoapServerRequest request) {
		T current = this.value.get();
		if (current == null) {
			return CoapServerResponse.ok().contentFormat(this.contentFormat).build();
		}
		return CoapServerResponse.ok().contentFormat(this.contentFormat).body(current);
	}

	CoapServerResponse put(CoapServerRequest request) {
		T received = read(request);
		value(received);
		return CoapServerResponse.changed().build();
	}

	@SuppressWarnings("unchecked")
	private T read(CoapServerRequest request) {
		if (this.type == byte[].class) {
			return (T) request.payload();
		}
		return this.validate ? request.validBody(this.type) : request.body(this.type);
	}

	void registered(CoapRouteRegistration registration) {
		this.registration = registration;
	}

	@Nullable CoapRouteRegistration removed() {
		CoapRouteRegistration current = this.registration;
		this.registration = null;
		return current;
	}

	@Override
	public String toString() {
		return "CoapValueResource " + this.path + " (" + this.type.getSimpleName() + ")";
	}

}
