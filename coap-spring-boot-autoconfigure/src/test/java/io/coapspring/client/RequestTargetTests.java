package io.coapspring.client;

import java.net.InetSocketAddress;
import java.net.URI;

import org.eclipse.californium.core.coap.OptionSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RequestTarget}.
 */
class RequestTargetTests {

	@Test
	void ipv4LiteralWithDefaultPort() {
		URI uri = URI.create("coap://127.0.0.1/a/b?x=1&y=2");
		InetSocketAddress destination = RequestTarget.destination(uri);
		assertThat(destination.getPort()).isEqualTo(5683);
		OptionSet options = new OptionSet();
		RequestTarget.applyUriOptions(uri, destination, options);
		assertThat(options.hasUriHost()).isFalse();
		assertThat(options.hasUriPort()).isFalse();
		assertThat(options.getUriPath()).containsExactly("a", "b");
		assertThat(options.getUriQuery()).containsExactly("x=1", "y=2");
	}

	@Test
	void ipv6Literal() {
		URI uri = URI.create("coap://[::1]:6000/");
		InetSocketAddress destination = RequestTarget.destination(uri);
		assertThat(destination.getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
		OptionSet options = new OptionSet();
		RequestTarget.applyUriOptions(uri, destination, options);
		assertThat(options.hasUriHost()).isFalse();
		assertThat(options.getUriPath()).isEmpty();
	}

	@Test
	void encodedSeparatorsStayInsideTheirSegmentOrArgument() {
		URI uri = URI.create("coap://127.0.0.1/a%2Fb/c%20d/?q=1%262");
		OptionSet options = new OptionSet();
		RequestTarget.applyUriOptions(uri, RequestTarget.destination(uri), options);
		assertThat(options.getUriPath()).containsExactly("a/b", "c d", "");
		assertThat(options.getUriQuery()).containsExactly("q=1&2");
	}

	@Test
	void targetOnAnotherHostThroughAProxyKeepsHostAndPort() {
		URI target = URI.create("http://example.org/t");
		InetSocketAddress proxy = new InetSocketAddress("127.0.0.1", 5683);
		OptionSet options = new OptionSet();
		RequestTarget.applyUriOptions(target, proxy, options);
		assertThat(options.getUriHost()).isEqualTo("example.org");
		assertThat(options.getUriPort()).isEqualTo(80);
		assertThat(options.getUriPath()).containsExactly("t");
	}

	@Test
	void proxiedRequestAlwaysNamesTheHost() {
		URI target = URI.create("coap://127.0.0.1:6000/t");
		InetSocketAddress proxy = new InetSocketAddress("127.0.0.1", 5683);
		OptionSet options = new OptionSet();
		RequestTarget.applyProxiedUriOptions(target, proxy, options);
		assertThat(options.getUriHost()).isEqualTo("127.0.0.1");
		assertThat(options.getUriPort()).isEqualTo(6000);
	}

	@Test
	void onlyCoapCoapsCoapTcpCoapsTcpAndCoapWsAreSent() {
		assertThat(RequestTarget.isSecure(URI.create("coap://h/"))).isFalse();
		assertThat(RequestTarget.isSecure(URI.create("COAPS://h/"))).isTrue();
		assertThat(RequestTarget.isSecure(URI.create("coap+tcp://h/"))).isFalse();
		assertThat(RequestTarget.isTcp(URI.create("COAP+TCP://h/"))).isTrue();
		assertThat(RequestTarget.isSecure(URI.create("coaps+tcp://h/"))).isTrue();
		assertThat(RequestTarget.isTcp(URI.create("COAPS+TCP://h/"))).isTrue();
		assertThat(RequestTarget.destination(URI.create("coaps+tcp://127.0.0.1/")).getPort()).isEqualTo(5684);
		assertThat(RequestTarget.destination(URI.create("coaps://127.0.0.1/")).getPort()).isEqualTo(5684);
		assertThat(RequestTarget.destination(URI.create("coap+tcp://127.0.0.1/")).getPort()).isEqualTo(5683);
		assertThat(RequestTarget.isSecure(URI.create("coap+ws://h/"))).isFalse();
		assertThat(RequestTarget.isWebSocket(URI.create("COAP+WS://h/"))).isTrue();
		assertThat(RequestTarget.isTcp(URI.create("coap+ws://h/"))).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RequestTarget.destination(URI.create("coaps+ws://h/")))
			.withMessageContaining("coaps+ws");
		assertThatIllegalArgumentException().isThrownBy(() -> RequestTarget.destination(URI.create("coap:/x")))
			.withMessageContaining("no host");
	}

	@Test
	void virtualHostIsTheHostNameOnly() {
		assertThat(RequestTarget.virtualHost(URI.create("coaps://Device.Local:5684/x"))).isEqualTo("device.local");
		assertThat(RequestTarget.virtualHost(URI.create("coaps://127.0.0.1/x"))).isNull();
		assertThat(RequestTarget.virtualHost(URI.create("coaps://[::1]/x"))).isNull();
	}

	@Test
	void unknownHostIsAClientException() {
		assertThatExceptionOfType(CoapClientException.class)
			.isThrownBy(() -> RequestTarget.destination(URI.create("coap://no-such-host.invalid/")))
			.withMessageContaining("no-such-host.invalid");
	}

}
