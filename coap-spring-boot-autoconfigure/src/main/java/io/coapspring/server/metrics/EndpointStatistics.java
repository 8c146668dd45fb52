package io.coapspring.server.metrics;

import java.util.concurrent.atomic.LongAdder;

import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.interceptors.MalformedMessageInterceptor;
import org.eclipse.californium.elements.RawData;

/**
 * Counts what one endpoint's messages tell about the network, as Californium's {@code HealthStatisticLogger}
 * does: a post-process interceptor, so that it sees messages after deduplication marked them and after they
 * were sent.
 *
 * @author CoAP Spring Boot team
 */
final class EndpointStatistics implements MalformedMessageInterceptor {

	private final LongAdder retransmissions = new LongAdder();

	private final LongAdder duplicates = new LongAdder();

	private final LongAdder malformed = new LongAdder();

	private final LongAdder resets = new LongAdder();

	@Override
	public void sendRequest(Request request) {
		if (request.isDuplicate() && request.getSendError() == null) {
			this.retransmissions.increment();
		}
	}

	@Override
	public void sendResponse(Response response) {
		if (response.isDuplicate() && response.getSendError() == null) {
			this.retransmissions.increment();
		}
	}

	@Override
	public void sendEmptyMessage(EmptyMessage message) {
		if (message.getType() == Type.RST && message.getSendError() == null) {
			this.resets.increment();
		}
	}

	@Override
	public void receiveRequest(Request request) {
		if (request.isDuplicate()) {
			this.duplicates.increment();
		}
	}

	@Override
	public void receiveResponse(Response response) {
		if (response.isDuplicate()) {
			this.duplicates.increment();
		}
	}

	@Override
	public void receiveEmptyMessage(EmptyMessage message) {
	}

	@Override
	public void receivedMalformedMessage(RawData message) {
		this.malformed.increment();
	}

	long retransmissions() {
		return this.retransmissions.sum();
	}

	long duplicates() {
		return this.duplicates.sum();
	}

	long malformed() {
		return this.malformed.sum();
	}

	long resets() {
		return this.resets.sum();
	}

}
