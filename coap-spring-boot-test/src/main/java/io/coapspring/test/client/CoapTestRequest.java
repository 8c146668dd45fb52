package io.coapspring.test.client;

import java.util.List;

import io.coapspring.convert.EncodedPayload;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.jspecify.annotations.Nullable;

import org.springframework.core.ResolvableType;
import org.springframework.util.Assert;

/**
 * A request of a {@link CoapTestClient} being prepared: options and payload, then {@link #exchange()} to send it
 * and check the response, or {@link #observe()} to follow the resource.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class CoapTestRequest {

	private final CoapTestClient client;

	private final Request request;

	private @Nullable Object payload;

	private int contentFormat = -1;

	CoapTestRequest(CoapTestClient client, Code method, String uri) {
		this.client = client;
		this.request = new Request(method, Type.CON);
		this.request.setURI(uri);
	}

	/**
	 * Set the Accept option.
	 * @param contentFormat the Content-Format number, for instance
	 * {@code MediaTypeRegistry.APPLICATION_JSON}
	 * @return this request
	 */
	public CoapTestRequest accept(int contentFormat) {
		this.request.getOptions().setAccept(contentFormat);
		return this;
	}

	/**
	 * Set the Accept option.
	 * @param mediaType a media type such as {@code application/json}, or a Content-Format number
	 * @return this request
	 */
	public CoapTestRequest accept(String mediaType) {
		return accept(this.client.converters().getContentFormats().resolve(mediaType));
	}

	/**
	 * Set the Content-Format of the payload.
	 * @param contentFormat the Content-Format number
	 * @return this request
	 */
	public CoapTestRequest contentFormat(int contentFormat) {
		this.contentFormat = contentFormat;
		return this;
	}

	/**
	 * Set the Content-Format of the payload.
	 * @param mediaType a media type such as {@code application/json}, or a Content-Format number
	 * @return this request
	 */
	public CoapTestRequest contentFormat(String mediaType) {
		return contentFormat(this.client.converters().getContentFormats().resolve(mediaType));
	}

	/**
	 * Set the payload: bytes are sent as they are, any other value is written by the application's converters in
	 * the Content-Format set with {@link #contentFormat(int)}, or the first one a converter writes it in.
	 * @param payload the payload
	 * @return this request
	 */
	public CoapTestRequest payload(Object payload) {
		Assert.notNull(payload, "'payload' must not be null");
		this.payload = payload;
		return this;
	}

	/**
	 * Add an option, for instance a custom one: {@code option(new Option(65001, 7))}.
	 * @param option the option
	 * @return this request
	 */
	public CoapTestRequest option(Option option) {
		Assert.notNull(option, "'option' must not be null");
		this.request.getOptions().addOption(option);
		return this;
	}

	/**
	 * Send the request as NON instead of CON.
	 * @return this request
	 */
	public CoapTestRequest nonConfirmable() {
		this.request.setType(Type.NON);
		return this;
	}

	/**
	 * Return the Californium request, to set what this class has no method for.
	 * @return the request, not sent yet
	 */
	public Request getRequest() {
		return this.request;
	}

	/**
	 * Send the request and wait for its response.
	 * @return the response, to check
	 * @throws AssertionError if no response arrives within the client's timeout
	 */
	public CoapTestResponse exchange() {
		prepare();
		this.request.send(this.client.endpoint());
		Response response;
		try {
			response = this.request.waitForResponse(this.client.timeout().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.request.cancel();
			throw new IllegalStateException("Interrupted while waiting for the response to " + describe(), ex);
		}
		if (response == null) {
			this.request.cancel();
			throw new AssertionError("No response to " + describe() + " within "
					+ this.client.timeout().toMillis() + " ms" + reason());
		}
		return new CoapTestResponse(response, this.client.converters(), describe());
	}

	/**
	 * Send the request with the Observe option and collect the notifications.
	 * @return the observation; close it to deregister
	 */
	public CoapTestObservation observe() {
		Assert.state(this.request.getCode() == Code.GET || this.request.getCode() == Code.FETCH,
				"Only GET and FETCH requests can observe");
		prepare();
		this.request.setObserve();
		return new CoapTestObservation(this.client, this.request, describe());
	}

	private void prepare() {
		Object value = this.payload;
		if (value == null) {
			return;
		}
		if (value instanceof byte[] bytes) {
			this.request.setPayload(bytes);
			if (this.contentFormat >= 0) {
				this.request.getOptions().setContentFormat(this.contentFormat);
			}
			return;
		}
		List<Integer> formats = (this.contentFormat >= 0) ? List.of(this.contentFormat) : List.of();
		EncodedPayload encoded = this.client.converters().write(value, ResolvableType.forInstance(value), formats);
		this.request.setPayload(encoded.bytes());
		this.request.getOptions().setContentFormat(encoded.contentFormat());
	}

	private String reason() {
		if (this.request.isRejected()) {
			return ": rejected with RST";
		}
		if (this.request.isTimedOut()) {
			return ": timed out after the last retransmission";
		}
		Throwable error = this.request.getSendError();
		return (error != null) ? ": " + error : "";
	}

	private String describe() {
		return this.request.getCode() + " " + this.request.getURI();
	}

}
