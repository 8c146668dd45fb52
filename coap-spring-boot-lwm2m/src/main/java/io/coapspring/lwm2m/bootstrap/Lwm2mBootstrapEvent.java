package io.coapspring.lwm2m.bootstrap;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;
import org.springframework.util.Assert;

/**
 * Published for each step of a bootstrap session: a client asked to be bootstrapped, was (not) authorized, had
 * no configuration, each Bootstrap-Delete/Write/Finish request and its answer, and the end or failure of the
 * session.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mBootstrapEvent extends ApplicationEvent {

	private final String endpoint;

	private final Step step;

	private final @Nullable String detail;

	/**
	 * Create an event.
	 * @param source the bootstrap server
	 * @param endpoint the client's endpoint name
	 * @param step the step
	 * @param detail what the step concerned (a request, a response code, a failure cause), if anything
	 */
	public Lwm2mBootstrapEvent(Object source, String endpoint, Step step, @Nullable String detail) {
		super(source);
		Assert.notNull(endpoint, "'endpoint' must not be null");
		Assert.notNull(step, "'step' must not be null");
		this.endpoint = endpoint;
		this.step = step;
		this.detail = detail;
	}

	/**
	 * Return the client's endpoint name.
	 * @return the endpoint name
	 */
	public String getEndpoint() {
		return this.endpoint;
	}

	/**
	 * Return the step.
	 * @return the step
	 */
	public Step getStep() {
		return this.step;
	}

	/**
	 * Return what the step concerned, for instance {@code BootstrapWriteRequest /0/1} or {@code CHANGED}.
	 * @return the detail, or {@code null}
	 */
	public @Nullable String getDetail() {
		return this.detail;
	}

	@Override
	public String toString() {
		return "Lwm2mBootstrapEvent[" + this.endpoint + " " + this.step + ((this.detail != null) ? " " + this.detail : "")
				+ "]";
	}

	/**
	 * The steps of a bootstrap session.
	 */
	public enum Step {

		/** The client sent a Bootstrap-Request. */
		STARTED,

		/** The client was refused (security). */
		UNAUTHORIZED,

		/** The client was accepted. */
		AUTHORIZED,

		/** There is no configuration for the client. */
		NO_CONFIG,

		/** A Bootstrap-Delete, -Write, -Discover, -Read or -Finish request was sent. */
		REQUEST_SENT,

		/** The client accepted a request. */
		REQUEST_SUCCEEDED,

		/** The client refused a request, or it could not be delivered. */
		REQUEST_FAILED,

		/** The session ended with Bootstrap-Finish accepted. */
		FINISHED,

		/** The session failed. */
		FAILED

	}

}
