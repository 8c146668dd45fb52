package io.coapspring.interop;

import java.util.Optional;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapDeleteMapping;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapPutMapping;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.invocation.CoapRequest;
import io.coapspring.server.observe.CoapNotifier;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;

/**
 * Resources for conditional requests: {@code /validate}, which changes only when a client PUTs to it (its
 * observers are notified then), with automatic ETags (2.03 Valid for a current ETag, TD_COAP_CORE_21; If-Match, TD_COAP_CORE_22), and
 * {@code /create1}, which does not exist until a client creates it (If-None-Match, TD_COAP_CORE_23).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@CoapController
class ValidationController {

	static final String VALIDATE = "/validate";

	static final String CREATE1 = "/create1";

	private final RepresentationStore store;

	private final CoapNotifier notifier;

	ValidationController(RepresentationStore store, CoapNotifier notifier) {
		this.store = store;
		this.notifier = notifier;
	}

	@CoapGetMapping(path = VALIDATE, etag = true, observable = true, title = "Resource which varies")
	Optional<CoapResponseEntity<byte[]>> validate() {
		return this.store.get(VALIDATE).map(ValidationController::entity);
	}

	@CoapPutMapping(VALIDATE)
	void update(CoapRequest request) {
		this.store.put(VALIDATE, new Representation(request.getPayload(), contentFormat(request)));
		this.notifier.changed(VALIDATE);
	}

	@CoapGetMapping(path = CREATE1, etag = true, title = "Resource which does not exist yet (to perform atomic PUT)")
	Optional<CoapResponseEntity<byte[]>> created() {
		return this.store.get(CREATE1).map(ValidationController::entity);
	}

	@CoapPutMapping(CREATE1)
	CoapResponseEntity<Void> create(CoapRequest request) {
		boolean created = this.store.put(CREATE1, new Representation(request.getPayload(), contentFormat(request)));
		return CoapResponseEntity.status(created ? ResponseCode.CREATED : ResponseCode.CHANGED).build();
	}

	@CoapDeleteMapping(CREATE1)
	CoapResponseEntity<Void> delete() {
		return (this.store.delete(CREATE1) ? CoapResponseEntity.deleted() : CoapResponseEntity.notFound()).build();
	}

	private static int contentFormat(CoapRequest request) {
		return (request.getContentFormat() >= 0) ? request.getContentFormat() : 0;
	}

	private static CoapResponseEntity<byte[]> entity(Representation representation) {
		return CoapResponseEntity.ok().contentFormat(representation.contentFormat()).body(representation.payload());
	}

}
