package io.coapspring.transport.tcp;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapPayload;
import io.coapspring.annotation.CoapPutMapping;
import io.coapspring.security.CoapPeerIdentity;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.Endpoint;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The application of the TCP tests: auto-configuration plus {@link TcpController}, registered as a member
 * class of the configuration.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TcpTestApplication {

	/** A body larger than one block and than the Max-Message-Size, so it is transferred block-wise. */
	static final String LARGE = "0123456789abcdef".repeat(250);

	/**
	 * Return the port of the server's {@code coap+tcp} endpoint.
	 * @param server the server
	 * @return the bound port
	 */
	static int tcpPort(CoapServer server) {
		return port(server, "coap+tcp");
	}

	/**
	 * Return the port of one of the server's endpoints.
	 * @param server the server
	 * @param scheme the endpoint's URI scheme
	 * @return the bound port
	 */
	static int port(CoapServer server, String scheme) {
		return server.getEndpoints()
			.stream()
			.filter((endpoint) -> scheme.equals(endpoint.getUri().getScheme()))
			.map(Endpoint::getAddress)
			.findFirst()
			.orElseThrow()
			.getPort();
	}

	@CoapController
	static class TcpController {

		final AtomicReference<String> stored = new AtomicReference<>("");

		final AtomicInteger level = new AtomicInteger();

		@CoapGetMapping("/hello")
		String hello() {
			return "hello over tcp";
		}

		@CoapGetMapping("/large")
		String large() {
			return LARGE;
		}

		@CoapPutMapping("/store")
		void store(@CoapPayload String body) {
			this.stored.set(body);
		}

		@CoapGetMapping("/whoami")
		String whoami(CoapPeerIdentity peer) {
			return "hello " + peer.getType() + " " + peer.getName();
		}

		@CoapGetMapping(path = "/level", observable = true)
		String level() {
			return "level " + this.level.get();
		}

	}

}
