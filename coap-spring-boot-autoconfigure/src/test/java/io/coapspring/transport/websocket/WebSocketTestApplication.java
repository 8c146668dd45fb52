package io.coapspring.transport.websocket;

import java.util.concurrent.atomic.AtomicInteger;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The application of the WebSocket tests: auto-configuration, an embedded Tomcat with Spring's WebSocket
 * support, and {@link WebSocketController}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class WebSocketTestApplication {

	/** A body larger than one block and than the Max-Message-Size, so it is transferred block-wise. */
	static final String LARGE = "0123456789abcdef".repeat(250);

	@CoapController
	static class WebSocketController {

		final AtomicInteger level = new AtomicInteger();

		@CoapGetMapping("/hello")
		String hello() {
			return "hello over websockets";
		}

		@CoapGetMapping("/large")
		String large() {
			return LARGE;
		}

		@CoapGetMapping(path = "/level", observable = true)
		String level() {
			return "level " + this.level.get();
		}

	}

}
