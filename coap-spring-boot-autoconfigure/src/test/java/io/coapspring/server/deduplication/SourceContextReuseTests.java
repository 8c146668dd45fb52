package io.coapspring.server.deduplication;

import java.net.InetSocketAddress;

import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.Exchange.Origin;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.UdpEndpointContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SourceContextReuse}.
 */
class SourceContextReuseTests {

	private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40000);

	@Test
	void keepsTheRegistrationsContextInPlaceOfAnEqualOne() {
		UdpEndpointContext source = new UdpEndpointContext(PEER);
		Exchange exchange = exchange(source);
		SourceContextReuse.apply(exchange);
		exchange.setEndpointContext(new UdpEndpointContext(new InetSocketAddress("127.0.0.1", 40000)));
		assertThat(exchange.getEndpointContext()).isSameAs(source);
		exchange.setEndpointContext(new UdpEndpointContext(PEER));
		assertThat(exchange.getEndpointContext()).isSameAs(source);
	}

	@Test
	void keepsAContextOfAnotherPeerAsReported() {
		Exchange exchange = exchange(new UdpEndpointContext(PEER));
		SourceContextReuse.apply(exchange);
		UdpEndpointContext other = new UdpEndpointContext(new InetSocketAddress("127.0.0.1", 40001));
		exchange.setEndpointContext(other);
		assertThat(exchange.getEndpointContext()).isSameAs(other);
	}

	@Test
	void keepsAContextOfAnotherKindAsReported() {
		Exchange exchange = exchange(new UdpEndpointContext(PEER));
		SourceContextReuse.apply(exchange);
		EndpointContext other = new AddressEndpointContext(PEER);
		exchange.setEndpointContext(other);
		assertThat(exchange.getEndpointContext()).isSameAs(other);
	}

	@Test
	void leavesExchangesOtherThanPlainUdpAlone() {
		AddressEndpointContext source = new AddressEndpointContext(PEER);
		Exchange exchange = exchange(source);
		SourceContextReuse.apply(exchange);
		UdpEndpointContext reported = new UdpEndpointContext(PEER);
		exchange.setEndpointContext(reported);
		assertThat(exchange.getEndpointContext()).isSameAs(reported);
	}

	private static Exchange exchange(EndpointContext source) {
		Request request = new Request(Code.GET);
		request.setSourceContext(source);
		return new Exchange(request, PEER, Origin.REMOTE, Runnable::run);
	}

}
