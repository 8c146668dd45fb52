package io.coapspring.oscore;

import java.net.URI;

import io.coapspring.client.CoapClientRequestInitializer;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.elements.util.Bytes;
import org.eclipse.californium.oscore.OSCoreCtxDB;
import org.eclipse.californium.oscore.OSException;

import org.springframework.util.Assert;

/**
 * Marks each client request to a peer that has an OSCORE security context in the database (selected by the
 * host and port of the request's URI, or of its Proxy-Uri) for protection, with an empty OSCORE option that
 * Californium's OSCORE layer fills in; requests to other peers leave unprotected. Notifications of an
 * observation are protected with the same context as its registration.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class OscoreRequestInitializer implements CoapClientRequestInitializer {

	private final OSCoreCtxDB contexts;

	/**
	 * Create an initializer.
	 * @param contexts the security contexts, by peer URI
	 */
	public OscoreRequestInitializer(OSCoreCtxDB contexts) {
		Assert.notNull(contexts, "'contexts' must not be null");
		this.contexts = contexts;
	}

	@Override
	public void initialize(Request request, URI uri) {
		if (request.getOptions().hasOscore() || request.isMulticast()) {
			return;
		}
		String target = request.getOptions().hasProxyUri() ? request.getOptions().getProxyUri() : uri.toString();
		try {
			if (this.contexts.getContext(target) != null) {
				request.getOptions().setOscore(Bytes.EMPTY);
			}
		}
		catch (OSException | RuntimeException ex) {
			// not a URI the database knows: the request leaves unprotected
		}
	}

}
