package io.coapspring.rd.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapExceptionHandler;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.rd.RdLink;
import io.coapspring.rd.RdLinkFormat;
import io.coapspring.rd.RdQuery;
import io.coapspring.rd.RdRegistration;
import io.coapspring.server.invocation.CoapRequest;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;

import org.springframework.util.Assert;

/**
 * The lookup interface of the Resource Directory (RFC 9176 section 7): endpoint lookup and resource lookup, with
 * every filter and paging, in link format. Both are observable: {@link RdLookupObservers} tells their observers
 * whenever a registration appears, changes or goes. The paths come from {@code coap.rd.server.endpoint-lookup-path}
 * and {@code coap.rd.server.resource-lookup-path}.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@CoapController
public class RdLookupController {

	private final DefaultResourceDirectory directory;

	/**
	 * Create the controller.
	 * @param directory the directory
	 */
	public RdLookupController(DefaultResourceDirectory directory) {
		Assert.notNull(directory, "'directory' must not be null");
		this.directory = directory;
	}

	/**
	 * Endpoint lookup: a link per matching registration, to its registration resource, with {@code ep}, {@code d},
	 * {@code base}, {@code et}, the other registration parameters and {@code rt="core.rd-ep"}.
	 * @param request the request, whose query holds the filters
	 * @return 2.05 with the links
	 */
	@CoapGetMapping(path = "${coap.rd.server.endpoint-lookup-path:/rd-lookup/ep}", observable = true,
			resourceType = "core.rd-lookup-ep", produces = "application/link-format")
	public CoapResponseEntity<String> endpoints(CoapRequest request) {
		List<RdRegistration> registrations = this.directory.lookupEndpoints(query(request));
		List<RdLink> links = new ArrayList<>(registrations.size());
		for (RdRegistration registration : registrations) {
			Map<String, List<String>> attributes = new LinkedHashMap<>(registration.parameters());
			attributes.put("base", List.of(registration.effectiveBase().toString()));
			attributes.put("rt", List.of("core.rd-ep"));
			links.add(new RdLink(registration.location(), attributes));
		}
		return linkFormat(links);
	}

	/**
	 * Resource lookup: the matching links of every registration, with absolute targets (and an anchor where it is
	 * not the root of the target's origin).
	 * @param request the request, whose query holds the filters
	 * @return 2.05 with the links
	 */
	@CoapGetMapping(path = "${coap.rd.server.resource-lookup-path:/rd-lookup/res}", observable = true,
			resourceType = "core.rd-lookup-res", produces = "application/link-format")
	public CoapResponseEntity<String> resources(CoapRequest request) {
		return linkFormat(this.directory.lookupResources(query(request)));
	}

	private static RdQuery query(CoapRequest request) {
		try {
			return RdQuery.parse(request.unwrap().getOptions().getUriQuery());
		}
		catch (IllegalArgumentException ex) {
			throw new RdException(ResponseCode.BAD_REQUEST, String.valueOf(ex.getMessage()));
		}
	}

	private static CoapResponseEntity<String> linkFormat(List<RdLink> links) {
		return CoapResponseEntity.content()
			.contentFormat(MediaTypeRegistry.APPLICATION_LINK_FORMAT)
			.body(RdLinkFormat.write(links));
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

}
