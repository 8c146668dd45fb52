package io.coapspring.lwm2m.server;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.server.resources.Resource;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Stands in front of Leshan's {@code /rd} resource and answers 4.00 Bad Request, with a diagnostic payload, to
 * registrations and updates whose lifetime ({@code lt}) is not an unsigned 32-bit number; Leshan itself answers
 * those with 5.00 Internal Server Error. Everything else goes to Leshan unchanged.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class Lwm2mRegistrationGuard extends CoapResource {

	private final Resource delegate;

	private Lwm2mRegistrationGuard(Resource delegate) {
		super(delegate.getName());
		this.delegate = delegate;
	}

	/**
	 * Put a guard in front of the {@code /rd} resource of a Californium server, if it has one.
	 * @param server the server Leshan runs on
	 */
	public static void install(CoapServer server) {
		Assert.notNull(server, "'server' must not be null");
		Resource registration = server.getRoot().getChild("rd");
		if (registration == null || registration instanceof Lwm2mRegistrationGuard) {
			return;
		}
		server.getRoot().delete(registration);
		server.add(new Lwm2mRegistrationGuard(registration));
	}

	@Override
	public void handleRequest(Exchange exchange) {
		String problem = check(exchange);
		if (problem != null) {
			Response response = new Response(ResponseCode.BAD_REQUEST);
			response.setPayload(problem.getBytes(StandardCharsets.UTF_8));
			response.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
			exchange.sendResponse(response);
			return;
		}
		this.delegate.handleRequest(exchange);
	}

	private static @Nullable String check(Exchange exchange) {
		for (String query : exchange.getRequest().getOptions().getUriQuery()) {
			if (query.startsWith("lt=")) {
				String value = query.substring(3);
				if (!value.matches("[0-9]{1,10}") || Long.parseLong(value) > 0xFFFFFFFFL) {
					return "Invalid lifetime 'lt=" + value + "': an unsigned 32-bit number of seconds";
				}
			}
		}
		return null;
	}

	@Override
	public Resource getChild(String name) {
		// /rd/{registration id} (updates, deregistrations) is handled by /rd, as in Leshan
		return this;
	}

	@Override
	public @Nullable Executor getExecutor() {
		return this.delegate.getExecutor();
	}

}
