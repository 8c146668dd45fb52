package io.coapspring.client.dtls;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.coapspring.autoconfigure.CoapConfigurationCustomizer;
import io.coapspring.server.dtls.CoapDtlsConnectorConfigCustomizer;
import org.eclipse.californium.scandium.DtlsHealth;
import org.eclipse.californium.scandium.config.DtlsConfig;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application of the client's DTLS tests: a server with a DTLS endpoint that answers {@code /whoami} with
 * the name of the authenticated peer and counts the DTLS handshakes it completes, and the auto-configured
 * client.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class DtlsClientTestApplication {

	@Bean
	WhoAmIController whoAmIController() {
		return new WhoAmIController();
	}

	@Bean
	HandshakeCounter handshakeCounter() {
		return new HandshakeCounter();
	}

	@Bean
	CoapDtlsConnectorConfigCustomizer countHandshakes(HandshakeCounter counter) {
		return (builder) -> builder.setHealthHandler(counter);
	}

	@Bean
	CoapConfigurationCustomizer shortClientHandshakes() {
		// the clients' handshakes give up after about 1.5 s instead of about a minute
		return (configuration) -> {
			configuration.set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, 500, TimeUnit.MILLISECONDS);
			configuration.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 1);
		};
	}

	/**
	 * Counts the handshakes of the server's DTLS endpoint.
	 */
	static class HandshakeCounter implements DtlsHealth {

		private final AtomicInteger successful = new AtomicInteger();

		private final AtomicInteger failed = new AtomicInteger();

		int successful() {
			return this.successful.get();
		}

		int failed() {
			return this.failed.get();
		}

		@Override
		public void dump(String tag, int maxConnections, int remainingCapacity, int pendingWithoutVerify) {
		}

		@Override
		public boolean isEnabled() {
			return true;
		}

		@Override
		public void startHandshake() {
		}

		@Override
		public void endHandshake(boolean success) {
			(success ? this.successful : this.failed).incrementAndGet();
		}

		@Override
		public void receivingRecord(boolean drop) {
		}

		@Override
		public void sendingRecord(boolean drop) {
		}

	}

}
