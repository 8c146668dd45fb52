package io.coapspring.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.coapspring.server.context.LocalCoapPort;
import io.coapspring.server.discovery.NamedNodeApplication;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.NoResponseOption;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests whose answer Californium suppresses, here by their No-Response option (RFC 7967) as it does for the
 * error answers to multicast requests, get no datagram and do not stay in flight: the graceful shutdown does
 * not wait for them and the request gate forgets them.
 */
@SpringBootTest(classes = NamedNodeApplication.class,
		properties = { "coap.server.port=0", "spring.application.name=kitchen", "spring.main.banner-mode=off" })
class UnansweredRequestsEndToEndTests {

	private static final int SUPPRESS_ERRORS = NoResponseOption.SUPPRESS_CLIENT_ERROR
			| NoResponseOption.SUPPRESS_SERVER_ERROR;

	@LocalCoapPort
	int port;

	@Autowired
	CoapRequestGate gate;

	private PlainCoapProbe probe;

	private final AtomicInteger messageIds = new AtomicInteger(1);

	@BeforeEach
	void open() throws IOException {
		this.probe = new PlainCoapProbe(new InetSocketAddress("127.0.0.1", this.port));
	}

	@AfterEach
	void close() {
		this.probe.close();
	}

	@Test
	void suppressedErrorOfAHandlerMethodIsNotSentNorKeptInFlight() throws IOException {
		assertThat(get("fails", null)).as("without No-Response").isNotNull()
			.satisfies((response) -> assertThat(response.getCode()).isEqualTo(ResponseCode.INTERNAL_SERVER_ERROR));
		assertThat(get("fails", SUPPRESS_ERRORS)).isNull();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.gate.inFlightCount() == 0);
	}

	@Test
	void suppressedNotFoundIsNotSentNorKeptInFlight() throws IOException {
		assertThat(get("missing", null)).as("without No-Response").isNotNull()
			.satisfies((response) -> assertThat(response.getCode()).isEqualTo(ResponseCode.NOT_FOUND));
		assertThat(get("missing", SUPPRESS_ERRORS)).isNull();
		await().atMost(Duration.ofSeconds(5)).until(() -> this.gate.inFlightCount() == 0);
	}

	@Test
	void successIsStillSentWhenOnlyErrorsAreSuppressed() throws IOException {
		Response response = get("temperature", SUPPRESS_ERRORS);
		assertThat(response).isNotNull();
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getPayloadString()).isEqualTo("21.5");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.gate.inFlightCount() == 0);
	}

	/**
	 * Send a NON GET and return its response, or {@code null} if none came within 700 ms.
	 */
	private @Nullable Response get(String path, @Nullable Integer noResponse) throws IOException {
		int mid = this.messageIds.getAndIncrement();
		byte[] token = { 0x4e, 0x52, (byte) (mid >> 8), (byte) mid };
		Request request = Request.newGet();
		request.setType(Type.NON);
		request.setMID(mid);
		request.setToken(Token.fromProvider(token));
		request.getOptions().setUriPath(path);
		if (noResponse != null) {
			request.getOptions().setNoResponse(noResponse);
		}
		return this.probe.exchange(request, 700);
	}

}
