package io.coapspring.server.value;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.coapspring.annotation.CoapMethod;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * How a value resource is served: its Content-Format, Max-Age, ETags, discovery attributes, whether it may be
 * observed, the methods it allows and whether a value that a PUT brings is validated. Passed to
 * {@link CoapResources#add(String, Class, Object, java.util.function.Consumer)} to change the defaults: GET and
 * PUT allowed, observable, discoverable, automatic ETags on, no Max-Age, validated when a validator is present, and
 * the Content-Format text/plain for a {@code String}, application/octet-stream for {@code byte[]}, JSON otherwise.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapValueResourceSpec {

	private @Nullable Integer contentFormat;

	private long maxAge = -1;

	private boolean etag = true;

	private boolean observable = true;

	private boolean discoverable = true;

	private boolean validate = true;

	private final List<String> resourceTypes = new ArrayList<>();

	private final List<String> interfaceDescriptions = new ArrayList<>();

	private @Nullable String title;

	private Set<CoapMethod> methods = EnumSet.of(CoapMethod.GET, CoapMethod.PUT);

	CoapValueResourceSpec() {
	}

	/**
	 * Set the Content-Format of the value (Pycom's {@code media_type}); PUT requests must carry it.
	 * @param contentFormat the format number
	 * @return this spec
	 */
	public CoapValueResourceSpec contentFormat(int contentFormat) {
		Assert.isTrue(contentFormat >= 0 && contentFormat <= 65535, "'contentFormat' must be between 0 and 65535");
		this.contentFormat = contentFormat;
		return this;
	}

	/**
	 * Set the Max-Age of GET responses (Pycom's {@code max_age}).
	 * @param maxAge the Max-Age
	 * @return this spec
	 */
	public CoapValueResourceSpec maxAge(Duration maxAge) {
		Assert.isTrue(!maxAge.isNegative(), "'maxAge' must not be negative");
		this.maxAge = maxAge.toSeconds();
		return this;
	}

	/**
	 * Set whether GET responses carry an ETag of the value, answered 2.03 Valid when the request has it
	 * (Pycom's {@code etag}).
	 * @param etag whether to add ETags
	 * @return this spec
	 */
	public CoapValueResourceSpec etag(boolean etag) {
		this.etag = etag;
		return this;
	}

	/**
	 * Set whether GET requests may observe the value.
	 * @param observable whether observable
	 * @return this spec
	 */
	public CoapValueResourceSpec observable(boolean observable) {
		this.observable = observable;
		return this;
	}

	/**
	 * Set whether {@code /.well-known/core} lists the resource.
	 * @param discoverable whether discoverable
	 * @return this spec
	 */
	public CoapValueResourceSpec discoverable(boolean discoverable) {
		this.discoverable = discoverable;
		return this;
	}

	/**
	 * Set whether a value that a PUT brings is validated by the application's {@code Validator}.
	 * @param validate whether to validate
	 * @return this spec
	 */
	public CoapValueResourceSpec validate(boolean validate) {
		this.validate = validate;
		return this;
	}

	/**
	 * Add a resource type ({@code rt}), as Pycom's {@code add_attribute("rt", ...)}.
	 * @param resourceType the type
	 * @return this spec
	 */
	public CoapValueResourceSpec resourceType(String resourceType) {
		Assert.hasText(resourceType, "'resourceType' must not be empty");
		this.resourceTypes.add(resourceType);
		return this;
	}

	/**
	 * Add an interface description ({@code if}).
	 * @param interfaceDescription the description
	 * @return this spec
	 */
	public CoapValueResourceSpec interfaceDescription(String interfaceDescription) {
		Assert.hasText(interfaceDescription, "'interfaceDescription' must not be empty");
		this.interfaceDescriptions.add(interfaceDescription);
		return this;
	}

	/**
	 * Set the title.
	 * @param title the title
	 * @return this spec
	 */
	public CoapValueResourceSpec title(String title) {
		this.title = title;
		return this;
	}

	/**
	 * Set the methods allowed (Pycom's {@code callback(operation, True)}): GET reads the value, PUT and POST
	 * replace it, DELETE removes the resource.
	 * @param methods the methods
	 * @return this spec
	 */
	public CoapValueResourceSpec methods(CoapMethod... methods) {
		Assert.notEmpty(methods, "'methods' must not be empty");
		Set<CoapMethod> allowed = EnumSet.noneOf(CoapMethod.class);
		for (CoapMethod method : methods) {
			Assert.isTrue(method == CoapMethod.GET || method == CoapMethod.PUT || method == CoapMethod.POST
					|| method == CoapMethod.DELETE, () -> "A value resource serves GET, PUT, POST and DELETE, not " + method);
			allowed.add(method);
		}
		this.methods = allowed;
		return this;
	}

	int contentFormat(Class<?> type) {
		if (this.contentFormat != null) {
			return this.contentFormat;
		}
		if (type == String.class) {
			return MediaTypeRegistry.TEXT_PLAIN;
		}
		return (type == byte[].class) ? MediaTypeRegistry.APPLICATION_OCTET_STREAM : MediaTypeRegistry.APPLICATION_JSON;
	}

	long maxAge() {
		return this.maxAge;
	}

	boolean etag() {
		return this.etag;
	}

	boolean observable() {
		return this.observable;
	}

	boolean discoverable() {
		return this.discoverable;
	}

	boolean validate() {
		return this.validate;
	}

	List<String> resourceTypes() {
		return this.resourceTypes;
	}

	List<String> interfaceDescriptions() {
		return this.interfaceDescriptions;
	}

	@Nullable String title() {
		return this.title;
	}

	Set<CoapMethod> methods() {
		return this.methods;
	}

}
