package io.coapspring.interop;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapDeleteMapping;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapPutMapping;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.invocation.CoapRequest;
import io.coapspring.server.observe.CoapNotifier;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Observable resources (RFC 7641): {@code /obs} and {@code /obs-non} change every
 * {@code plugtest.observe-interval}; a confirmable registration gets confirmable notifications, a
 * non-confirmable one non-confirmable notifications (TD_COAP_OBS_01, 02). A PUT to {@code /obs} in the same
 * Content-Format notifies the new value (TD_COAP_OBS_09), in another Content-Format ends the observations with
 * 4.06 (TD_COAP_OBS_08); a DELETE ends them with 4.04 (TD_COAP_OBS_07).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@CoapController
class ObserveController {

	static final String OBS = "/obs";

	static final String OBS_NON = "/obs-non";

	private final ObservableState state;

	private final CoapNotifier notifier;

	private final AtomicLong nonTicks = new AtomicLong();

	ObserveController(ObservableState state, CoapNotifier notifier) {
		this.state = state;
		this.notifier = notifier;
	}

	@CoapGetMapping(path = OBS, observable = true, resourceType = "observe",
			title = "Observable resource which changes periodically")
	Optional<CoapResponseEntity<byte[]>> obs() {
		return this.state.get()
			.map((representation) -> CoapResponseEntity.ok()
				.contentFormat(representation.contentFormat())
				.body(representation.payload()));
	}

	@CoapPutMapping(OBS)
	void update(CoapRequest request) {
		int contentFormat = (request.getContentFormat() >= 0) ? request.getContentFormat() : 0;
		int previous = this.state.put(new Representation(request.getPayload(), contentFormat));
		if (previous >= 0 && previous != contentFormat) {
			// the observers registered for the previous format: RFC 7641 section 4.2, TD_COAP_OBS_08
			this.notifier.notify(OBS, CoapResponseEntity.status(ResponseCode.NOT_ACCEPTABLE).build());
		}
		else {
			this.notifier.changed(OBS);
		}
	}

	@CoapDeleteMapping(OBS)
	CoapResponseEntity<Void> delete() {
		if (!this.state.delete()) {
			return CoapResponseEntity.notFound().build();
		}
		this.notifier.notify(OBS, CoapResponseEntity.notFound().build());
		return CoapResponseEntity.deleted().build();
	}

	@CoapGetMapping(path = OBS_NON, produces = "text/plain", observable = true, resourceType = "observe",
			title = "Observable resource which changes periodically, for non-confirmable observations")
	String obsNon() {
		return "Observed value " + this.nonTicks.get();
	}

	@Scheduled(fixedRateString = "${plugtest.observe-interval}")
	void tick() {
		if (this.state.tick()) {
			this.notifier.changed(OBS);
		}
		this.nonTicks.incrementAndGet();
		this.notifier.changed(OBS_NON);
	}

}
