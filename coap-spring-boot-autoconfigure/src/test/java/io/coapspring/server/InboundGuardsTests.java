package io.coapspring.server;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SizeOptionGuard} and {@link UnsolicitedResponseFilter}; their effect on a running server
 * is tested by {@code HostileDatagramRobustnessTests}.
 */
class InboundGuardsTests {

	@Test
	void negativeSizesAreCappedAndOthersKept() {
		Request request = Request.newPut();
		request.getOptions().setSize1(-1).setSize2(Integer.MIN_VALUE);
		new SizeOptionGuard().receiveRequest(request);
		assertThat(request.getOptions().getSize1()).isEqualTo(Integer.MAX_VALUE);
		assertThat(request.getOptions().getSize2()).isEqualTo(Integer.MAX_VALUE);
		Request normal = Request.newPut();
		normal.getOptions().setSize1(1024).setSize2(0);
		new SizeOptionGuard().receiveRequest(normal);
		assertThat(normal.getOptions().getSize1()).isEqualTo(1024);
		assertThat(normal.getOptions().getSize2()).isZero();
	}

	@Test
	void responsesAreDroppedOnlyUntilTheEndpointSendsARequest() {
		UnsolicitedResponseFilter filter = new UnsolicitedResponseFilter();
		Response unsolicited = new Response(ResponseCode.CONTENT);
		filter.receiveResponse(unsolicited);
		assertThat(unsolicited.isCanceled()).isTrue();
		filter.sendRequest(Request.newGet());
		Response expected = new Response(ResponseCode.CONTENT);
		filter.receiveResponse(expected);
		assertThat(expected.isCanceled()).isFalse();
	}

}
