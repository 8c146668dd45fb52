package io.coapspring.client;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link CoapTemplate} over DTLS with a pre-shared key against a server nobody here wrote: libcoap's
 * {@code coap-server-openssl} (Debian package libcoap3-bin), which serves DTLS on the port after its plain one
 * and accepts any PSK identity with the key given by {@code -k}.
 */
@CoapClientIntegrationTest
class LibcoapDtlsServerInteropTests {

	private static final String KEY = "libcoap-secret";

	private static LibcoapServer libcoap;

	@Autowired
	private CoapTemplate coap;

	@BeforeAll
	static void startLibcoap() throws Exception {
		libcoap = LibcoapServer.startDtls("-k", KEY, "-h", "coap-spring-boot");
	}

	@AfterAll
	static void stopLibcoap() throws Exception {
		if (libcoap != null) {
			libcoap.close();
		}
	}

	@Test
	void pskRequestsGetAnswersOverOneSession() throws Exception {
		try (CoapTemplate secure = this.coap.mutate()
			.pskIdentity("template-1", KEY)
			.timeout(Duration.ofSeconds(3))
			.dedicatedEndpoints()
			.build()) {
			await().atMost(Duration.ofSeconds(15))
				.ignoreExceptions()
				.until(() -> secure.getForObject(libcoap.secureUri("/"), String.class), (text) -> text != null);
			assertThat(secure.getForObject(libcoap.secureUri("/"), String.class)).contains("libcoap");
			secure.put(libcoap.secureUri("/example_data"), "over DTLS");
			assertThat(secure.getForObject(libcoap.secureUri("/example_data"), String.class)).isEqualTo("over DTLS");
			assertThat(secure.getForObject(libcoap.secureUri("/time"), String.class)).matches("\\w{3} \\d{2} [\\d:]{8}");
			// with -v 7 libcoap logs the PSK identity of each handshake: one for all these requests
			assertThat(libcoap.log()).containsOnlyOnce("got psk_identity: 'template-1'");
		}
	}

	@Test
	void sessionTheServerLostIsReplacedAfterARequestWithoutAnswer() throws Exception {
		try (CoapTemplate secure = this.coap.mutate()
			.pskIdentity("template-3", KEY)
			.timeout(Duration.ofSeconds(2))
			.dedicatedEndpoints()
			.build()) {
			await().atMost(Duration.ofSeconds(15))
				.ignoreExceptions()
				.until(() -> secure.getForObject(libcoap.secureUri("/"), String.class), (text) -> text != null);
			libcoap = libcoap.crashAndRestartDtls("-k", KEY, "-h", "coap-spring-boot");
			// the new server drops the records of the old session: no answer
			assertThatExceptionOfType(CoapTimeoutException.class)
				.isThrownBy(() -> secure.getForObject(libcoap.secureUri("/"), String.class));
			// the next request starts with a handshake
			assertThat(secure.getForObject(libcoap.secureUri("/"), String.class)).contains("libcoap");
		}
	}

	@Test
	void wrongKeyGetsNoAnswer() {
		try (CoapTemplate wrong = this.coap.mutate()
			.pskIdentity("template-2", "not-the-key")
			.timeout(Duration.ofSeconds(3))
			.dedicatedEndpoints()
			.build()) {
			assertThatExceptionOfType(CoapClientException.class)
				.isThrownBy(() -> wrong.getForObject(libcoap.secureUri("/"), String.class));
		}
	}

}
