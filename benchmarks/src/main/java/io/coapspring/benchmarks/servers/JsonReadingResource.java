package io.coapspring.benchmarks.servers;

import java.util.Set;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * The JSON POST scenario as a plain Californium resource: the payload is read into a {@link Reading} by the
 * given reader, validated, and answered with 2.04; 4.15 when the Content-Format is not JSON, 4.00 when the
 * body is malformed or invalid.
 * <p>
 * The raw server passes a Jackson {@code JsonMapper}; a starter application could pass the starter's
 * {@code CoapMessageConverters}, which use Spring Boot's mapper.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class JsonReadingResource extends CoapResource {

	private final Function<byte[], Reading> reader;

	private final Validator validator;

	/**
	 * Create the resource at {@link ScenarioPaths#READING}.
	 * @param reader turns a JSON payload into a reading, throwing a {@link RuntimeException} if it cannot
	 * @param validator the Bean Validation validator
	 */
	public JsonReadingResource(Function<byte[], Reading> reader, Validator validator) {
		super(ScenarioPaths.READING.substring(1));
		this.reader = reader;
		this.validator = validator;
	}

	@Override
	public void handlePOST(CoapExchange exchange) {
		if (exchange.getRequestOptions().getContentFormat() != MediaTypeRegistry.APPLICATION_JSON) {
			exchange.respond(ResponseCode.UNSUPPORTED_CONTENT_FORMAT);
			return;
		}
		Reading reading;
		try {
			reading = this.reader.apply(exchange.getRequestPayload());
		}
		catch (RuntimeException ex) {
			exchange.respond(ResponseCode.BAD_REQUEST, "malformed JSON", MediaTypeRegistry.TEXT_PLAIN);
			return;
		}
		Set<ConstraintViolation<Reading>> violations = this.validator.validate(reading);
		if (!violations.isEmpty()) {
			ConstraintViolation<Reading> first = violations.iterator().next();
			exchange.respond(ResponseCode.BAD_REQUEST, first.getPropertyPath() + " " + first.getMessage(),
					MediaTypeRegistry.TEXT_PLAIN);
			return;
		}
		exchange.respond(ResponseCode.CHANGED);
	}

}
