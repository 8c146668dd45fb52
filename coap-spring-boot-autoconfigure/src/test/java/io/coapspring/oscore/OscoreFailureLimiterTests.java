package io.coapspring.oscore;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counting of the {@link OscoreFailureLimiter}: the window, the sources it tracks and the requests it
 * never drops.
 */
class OscoreFailureLimiterTests {

	private final AtomicLong now = new AtomicLong();

	private final OscoreCounters counters = new OscoreCounters();

	private final OscoreFailureLimiter limiter = new OscoreFailureLimiter(2, Duration.ofSeconds(10), 2,
			this.counters, this.now::get);

	@Test
	void sourceIsDroppedAfterMaxFailuresUntilTheWindowHasPassed() {
		rejectTwice("10.0.0.1");
		assertThat(this.limiter.drop(oscoreRequest("10.0.0.1"))).isTrue();
		assertThat(this.limiter.drop(oscoreRequest("10.0.0.2"))).as("another source").isFalse();
		assertThat(this.limiter.drop(plainRequest("10.0.0.1"))).as("without OSCORE").isFalse();
		this.now.addAndGet(Duration.ofSeconds(10).toNanos());
		assertThat(this.limiter.drop(oscoreRequest("10.0.0.1"))).as("window passed").isFalse();
		assertThat(this.counters.getThrottled()).isEqualTo(1);
	}

	@Test
	void successfulResponsesAndOtherErrorsAreNotCounted() {
		this.limiter.sent(response("10.0.0.1", ResponseCode.CONTENT, "Replay detected"));
		this.limiter
			.sent(response("10.0.0.1", ResponseCode.UNAUTHORIZED, "The resource is only accessible using OSCORE"));
		this.limiter.sent(response("10.0.0.1", ResponseCode.BAD_REQUEST, "Decryption failed"));
		assertThat(this.limiter.drop(oscoreRequest("10.0.0.1"))).isFalse();
	}

	@Test
	void trackedSourcesAreBoundedAndTheLeastRecentIsForgotten() {
		rejectTwice("10.0.0.1");
		rejectTwice("10.0.0.2");
		rejectTwice("10.0.0.3");
		assertThat(this.limiter.getTrackedSources()).isEqualTo(2);
		assertThat(this.limiter.drop(oscoreRequest("10.0.0.1"))).as("forgotten").isFalse();
		assertThat(this.limiter.drop(oscoreRequest("10.0.0.3"))).isTrue();
	}

	private void rejectTwice(String source) {
		this.limiter.sent(response(source, ResponseCode.BAD_REQUEST, "Decryption failed"));
		this.limiter.sent(response(source, ResponseCode.UNAUTHORIZED, "Security context not found"));
	}

	private static Request oscoreRequest(String source) {
		Request request = plainRequest(source);
		request.getOptions().setOscore(new byte[0]);
		return request;
	}

	private static Request plainRequest(String source) {
		Request request = new Request(Code.POST);
		request.setSourceContext(new AddressEndpointContext(new InetSocketAddress(source, 5683)));
		return request;
	}

	private static Response response(String destination, ResponseCode code, String payload) {
		Response response = new Response(code);
		response.setPayload(payload);
		response.setDestinationContext(new AddressEndpointContext(new InetSocketAddress(destination, 5683)));
		return response;
	}

}
