package io.coapspring.server.context;

import io.coapspring.server.CoapPortInUseException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed because the CoAP port is taken, and names the property to change.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
class CoapPortInUseFailureAnalyzer extends AbstractFailureAnalyzer<CoapPortInUseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CoapPortInUseException cause) {
		String property = cause.isSecure() ? "coap.server.dtls.port" : "coap.server.port";
		return new FailureAnalysis("CoAP server failed to start. UDP port " + cause.getPort() + " is already in use.",
				"Identify and stop the process that is using UDP port " + cause.getPort()
						+ ", or configure this application to use another port with the '" + property + "' property"
						+ " (0 picks a free port).",
				cause);
	}

}
