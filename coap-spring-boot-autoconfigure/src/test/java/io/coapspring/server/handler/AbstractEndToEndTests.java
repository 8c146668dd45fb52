package io.coapspring.server.handler;

import io.coapspring.server.context.LocalCoapPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Base class of the end-to-end tests: one application on a free UDP port, shared by every test class, and a
 * fresh Californium client per test.
 */
@SpringBootTest(classes = EndToEndApplication.class,
		properties = { "coap.server.port=0", "coap.blockwise.max-resource-body-size=64KB",
				"coap.network.piggyback-reply=50ms", "spring.main.banner-mode=off" })
abstract class AbstractEndToEndTests {

	@LocalCoapPort
	int port;

	CoapTestClient client;

	@BeforeEach
	void createClient() {
		this.client = CoapTestClient.ipv4(this.port);
	}

	@AfterEach
	void destroyClient() {
		this.client.close();
	}

}
