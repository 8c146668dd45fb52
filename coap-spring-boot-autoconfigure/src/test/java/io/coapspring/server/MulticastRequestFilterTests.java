package io.coapspring.server;

import java.net.InetSocketAddress;

import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MulticastRequestFilter}.
 */
class MulticastRequestFilterTests {

	private static final InetSocketAddress GROUP = new InetSocketAddress(CoAP.MULTICAST_IPV4, 5683);

	private static final InetSocketAddress UNICAST = new InetSocketAddress("127.0.0.1", 5683);

	private final MulticastRequestFilter filter = new MulticastRequestFilter();

	@Test
	void dropsConfirmableRequestsToAGroup() {
		assertThat(filtered(Type.CON, GROUP, true).isCanceled()).isTrue();
	}

	@Test
	void keepsNonConfirmableRequestsToAGroup() {
		assertThat(filtered(Type.NON, GROUP, true).isCanceled()).isFalse();
	}

	@Test
	void keepsUnicastRequests() {
		assertThat(filtered(Type.CON, UNICAST, false).isCanceled()).isFalse();
		assertThat(filtered(Type.NON, UNICAST, false).isCanceled()).isFalse();
	}

	private Request filtered(Type type, InetSocketAddress local, boolean multicast) {
		Request request = new Request(Code.GET, type);
		request.setLocalAddress(local, multicast);
		this.filter.receiveRequest(request);
		return request;
	}

}
