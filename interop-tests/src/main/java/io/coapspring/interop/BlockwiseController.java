package io.coapspring.interop;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.annotation.CoapPostMapping;
import io.coapspring.annotation.CoapPutMapping;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.invocation.CoapRequest;

/**
 * Resources larger than a block: {@code /large} to read in Block2 blocks (TD_COAP_BLOCK_01, 02, 06),
 * {@code /large-update} to replace in Block1 blocks (TD_COAP_BLOCK_03), {@code /large-create} to create
 * resources under (TD_COAP_BLOCK_04) and {@code /large-post}, which answers a large POST with a large
 * response (TD_COAP_BLOCK_05). Californium's block-wise layer assembles and slices the bodies; the handler
 * methods see whole payloads.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@CoapController
class BlockwiseController {

	static final String LARGE = "/large";

	static final String LARGE_UPDATE = "/large-update";

	static final String LARGE_CREATE = "/large-create";

	private final RepresentationStore store;

	private final AtomicLong created = new AtomicLong();

	BlockwiseController(RepresentationStore store) {
		this.store = store;
	}

	@CoapGetMapping(path = LARGE, resourceType = "block", size = LargeText.SIZE,
			title = "Large resource (1,400 bytes) for block-wise transfers")
	CoapResponseEntity<byte[]> large() {
		return CoapResponseEntity.ok().contentFormat(0).body(LargeText.create().payload());
	}

	@CoapGetMapping(path = LARGE_UPDATE, resourceType = "block", title = "Large resource that can be updated using PUT")
	Optional<CoapResponseEntity<byte[]>> largeUpdate() {
		return this.store.get(LARGE_UPDATE).map(BlockwiseController::entity);
	}

	@CoapPutMapping(LARGE_UPDATE)
	void update(CoapRequest request) {
		this.store.put(LARGE_UPDATE, new Representation(request.getPayload(), contentFormat(request)));
	}

	@CoapPostMapping(path = LARGE_CREATE, title = "Large resource that can be created using POST")
	CoapResponseEntity<Void> create(CoapRequest request) {
		String id = String.valueOf(this.created.incrementAndGet());
		this.store.put(LARGE_CREATE + "/" + id, new Representation(request.getPayload(), contentFormat(request)));
		return CoapResponseEntity.created(LARGE_CREATE + "/" + id).build();
	}

	@CoapGetMapping(LARGE_CREATE + "/{id}")
	Optional<CoapResponseEntity<byte[]>> createdResource(@CoapPathVariable String id) {
		return this.store.get(LARGE_CREATE + "/" + id).map(BlockwiseController::entity);
	}

	@CoapPostMapping(path = "/large-post", title = "Handle POST with two-way blockwise transfer")
	CoapResponseEntity<byte[]> post(CoapRequest request) {
		return CoapResponseEntity.changed().contentFormat(contentFormat(request)).body(request.getPayload());
	}

	private static int contentFormat(CoapRequest request) {
		return (request.getContentFormat() >= 0) ? request.getContentFormat() : 0;
	}

	private static CoapResponseEntity<byte[]> entity(Representation representation) {
		return CoapResponseEntity.ok().contentFormat(representation.contentFormat()).body(representation.payload());
	}

}
