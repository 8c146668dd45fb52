package io.coapspring.server;

import java.util.List;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Response;

/**
 * Ends the observations (RFC 7641) that a server keeps outside its resource tree, such as those of mapped handler
 * methods, when the server stops: every observer receives a final response with an error code and without
 * Observe option, so it knows that no more notifications will come. {@code CoapServerLifecycle} calls the beans of
 * this type, and ends the observations of the resource tree itself, before the endpoints close.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface CoapObservationTerminator {

	/**
	 * End every observation with a final response and stop notifying.
	 * @param code the code of the final responses, an error code (5.03 Service Unavailable on shutdown)
	 * @return the final responses sent, so that the caller can wait until they are delivered
	 */
	List<Response> terminate(ResponseCode code);

}
