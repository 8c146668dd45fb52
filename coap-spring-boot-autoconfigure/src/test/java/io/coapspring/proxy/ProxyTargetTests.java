package io.coapspring.proxy;

import java.util.List;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.OptionSet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ProxyTarget}.
 */
class ProxyTargetTests {

	@Test
	void readsAProxyUri() {
		ProxyTarget target = ProxyTarget.fromUri("COAP://Sensor.Example:5700/a/b%20c/?x=1&y=a%26b");
		assertThat(target.scheme()).isEqualTo("coap");
		assertThat(target.host()).isEqualTo("sensor.example");
		assertThat(target.port()).isEqualTo(5700);
		assertThat(target.path()).containsExactly("a", "b c", "");
		assertThat(target.query()).containsExactly("x=1", "y=a&b");
		assertThat(target.isAddressLiteral()).isFalse();
	}

	@Test
	void defaultPortsFollowTheScheme() {
		assertThat(ProxyTarget.fromUri("coap://h/x").port()).isEqualTo(5683);
		assertThat(ProxyTarget.fromUri("coaps://h/x").port()).isEqualTo(5684);
		assertThat(ProxyTarget.fromUri("http://h/x").port()).isEqualTo(80);
		assertThat(ProxyTarget.fromUri("https://h").port()).isEqualTo(443);
	}

	@Test
	void ipv6LiteralsLoseTheirBrackets() {
		ProxyTarget target = ProxyTarget.fromUri("coap://[fd00::7]:5683/temp");
		assertThat(target.host()).isEqualTo("fd00::7");
		assertThat(target.isAddressLiteral()).isTrue();
		assertThat(target.toUri()).isEqualTo("coap://[fd00::7]:5683/temp");
	}

	@Test
	void toUriEncodesSegmentsAndArguments() {
		ProxyTarget target = new ProxyTarget("coap", "h", 5683, List.of("a/b", "ü"), List.of("k=v&w", "flag"));
		assertThat(target.toUri()).isEqualTo("coap://h:5683/a%2Fb/%C3%BC?k=v%26w&flag");
		assertThat(ProxyTarget.fromUri(target.toUri())).isEqualTo(target);
	}

	@Test
	void malformedUrisAreBadRequests() {
		for (String uri : List.of("coap://[::1", "relative/path", "/absolute/path", "coap:opaque",
				"coap://user@host/x", "coap://host/x#fragment", "coap://host:70000/x", "coap://host/%zz")) {
			assertThatExceptionOfType(InvalidProxyRequestException.class).as(uri)
				.isThrownBy(() -> ProxyTarget.fromUri(uri))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.BAD_REQUEST));
		}
	}

	@Test
	void schemesWithoutDefaultPortAreNotSupported() {
		assertThatExceptionOfType(InvalidProxyRequestException.class)
			.isThrownBy(() -> ProxyTarget.fromUri("ftp://host/file"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.PROXY_NOT_SUPPORTED));
		assertThat(ProxyTarget.fromUri("ftp://host:21/file").scheme()).isEqualTo("ftp");
	}

	@Test
	void readsProxySchemeAndUriOptions() {
		OptionSet options = new OptionSet().setProxyScheme("http")
			.setUriHost("example.org")
			.setUriPort(8080)
			.setUriPath("a/b")
			.setUriQuery("q=1");
		ProxyTarget target = ProxyTarget.fromOptions("http", options, "10.0.0.1");
		assertThat(target).isEqualTo(new ProxyTarget("http", "example.org", 8080, List.of("a", "b"), List.of("q=1")));
	}

	@Test
	void withoutUriHostTheTargetIsTheReceivingAddress() {
		OptionSet options = new OptionSet().setProxyScheme("coap").setUriPath("x");
		assertThat(ProxyTarget.fromOptions("coap", options, "10.0.0.1").host()).isEqualTo("10.0.0.1");
		assertThatExceptionOfType(InvalidProxyRequestException.class)
			.isThrownBy(() -> ProxyTarget.fromOptions("coap", options, null))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.BAD_REQUEST));
	}

	@Test
	void shortenedAndNumericIpv4FormsAreBadRequestsWithADiagnostic() {
		for (String uri : List.of("coap://127.1/x", "coap://127.0.1:5683/x", "http://2130706433/x",
				"coap://0x7f.1/x", "coap://10.1/x")) {
			assertThatExceptionOfType(InvalidProxyRequestException.class).as(uri)
				.isThrownBy(() -> ProxyTarget.fromUri(uri))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.BAD_REQUEST))
				.withMessageContaining("shortened or numeric IPv4 form")
				.withMessageContaining("four decimal numbers");
		}
		OptionSet options = new OptionSet().setProxyScheme("coap").setUriHost("127.1");
		assertThatExceptionOfType(InvalidProxyRequestException.class)
			.isThrownBy(() -> ProxyTarget.fromOptions("coap", options, null))
			.withMessageContaining("'127.1' is a shortened or numeric IPv4 form");
		assertThatExceptionOfType(InvalidProxyRequestException.class)
			.isThrownBy(() -> ProxyTarget.fromUri("coap://bad_host/x"))
			.withMessageContaining("'bad_host' is neither a host name nor an IP address");
		assertThat(ProxyTarget.fromUri("coap://127.0.0.1/x").host()).isEqualTo("127.0.0.1");
		assertThat(ProxyTarget.fromUri("coap://1.example/x").host()).isEqualTo("1.example");
	}

}
