package io.coapspring.rd.server;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapDeleteMapping;
import io.coapspring.annotation.CoapExceptionHandler;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.annotation.CoapPostMapping;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.rd.RdLinkFormat;
import io.coapspring.rd.RdRegistration;
import io.coapspring.server.invocation.CoapRequest;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;

import org.springframework.util.Assert;

/**
 * The registration interface of the Resource Directory (RFC 9176 section 5.3), as handler mappings: {@code POST}
 * to the registration path registers, {@code POST} to a registration resource updates it, {@code GET} reads its
 * links and {@code DELETE} removes it. The paths come from {@code coap.rd.server.registration-path}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@CoapController
public class RdRegistrationController {

	private final DefaultResourceDirectory directory;

	/**
	 * Create the controller.
	 * @param directory the directory
	 */
	public RdRegistrationController(DefaultResourceDirectory directory) {
		Assert.notNull(directory, "'directory' must not be null");
		this.directory = directory;
	}

	/**
	 * Register an endpoint: 2.01 with the registration resource as Location-Path.
	 * @param request the request, with {@code ep}, {@code d}, {@code lt}, {@code base}, {@code et} and a
	 * link-format payload
	 * @return the answer
	 */
	@CoapPostMapping(path = "${coap.rd.server.registration-path:/rd}", resourceType = "core.rd",
			produces = "application/link-format")
	public CoapResponseEntity<Void> register(CoapRequest request) {
		RdRegistration registration = this.directory.register(request.unwrap().getOptions().getUriQuery(),
				linkPayload(request), RdRequests.peer(request));
		return CoapResponseEntity.created(registration.location()).build();
	}

	/**
	 * Update a registration: 2.04.
	 * @param id the registration's identifier
	 * @param request the request, with optional {@code lt}, {@code base} and other parameters, and optionally new
	 * links
	 * @return the answer
	 */
	@CoapPostMapping(path = "${coap.rd.server.registration-path:/rd}/{id}", discoverable = false)
	public CoapResponseEntity<Void> update(@CoapPathVariable String id, CoapRequest request) {
		byte[] links = (request.getPayload().length > 0 || request.getOptions().hasContentFormat())
				? linkPayload(request) : null;
		this.directory.update(request.getPath(), request.unwrap().getOptions().getUriQuery(), links,
				RdRequests.peer(request));
		return CoapResponseEntity.changed().build();
	}

	/**
	 * Read a registration's links, as registered.
	 * @param id the registration's identifier
	 * @param request the request
	 * @return 2.05 with the links, or 4.04
	 */
	@CoapGetMapping(path = "${coap.rd.server.registration-path:/rd}/{id}", discoverable = false,
			produces = "application/link-format")
	public CoapResponseEntity<String> read(@CoapPathVariable String id, CoapRequest request) {
		return this.directory.getRegistration(request.getPath())
			.map((registration) -> CoapResponseEntity.content()
				.contentFormat(MediaTypeRegistry.APPLICATION_LINK_FORMAT)
				.<String>body(RdLinkFormat.write(registration.links())))
			.orElseThrow(() -> new RdException(ResponseCode.NOT_FOUND, "No registration at " + request.getPath()));
	}

	/**
	 * Remove a registration: 2.02.
	 * @param id the registration's identifier
	 * @param request the request
	 * @return the answer
	 */
	@CoapDeleteMapping(path = "${coap.rd.server.registration-path:/rd}/{id}", discoverable = false)
	public CoapResponseEntity<Void> remove(@CoapPathVariable String id, CoapRequest request) {
		this.directory.remove(request.getPath(), RdRequests.peer(request));
		return CoapResponseEntity.deleted().build();
	}

	/**
	 * Answer a refused request.
	 * @param ex the reason
	 * @return the code and diagnostic
	 */
	@CoapExceptionHandler
	public CoapResponseEntity<String> refused(RdException ex) {
		return RdResponses.of(ex, this.directory.getLimits().maxRegistrationSize());
	}

	private static byte[] linkPayload(CoapRequest request) {
		if (request.getOptions().hasContentFormat()
				&& request.getContentFormat() != MediaTypeRegistry.APPLICATION_LINK_FORMAT) {
			throw new RdException(ResponseCode.UNSUPPORTED_CONTENT_FORMAT,
					"Links must be application/link-format (40)");
		}
		return request.getPayload();
	}

}
