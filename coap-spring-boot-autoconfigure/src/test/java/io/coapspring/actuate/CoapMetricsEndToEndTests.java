package io.coapspring.actuate;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.coapspring.client.CoapClientResponseException;
import io.coapspring.client.CoapObservation;
import io.coapspring.client.CoapTemplate;
import io.coapspring.client.CoapTimeoutException;
import io.coapspring.client.observation.CoapClientObservationContext;
import io.coapspring.server.context.LocalCoapPort;
import io.coapspring.server.observation.CoapServerObservationContext;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.transport.Kind;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.EmptyMessage;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Request timers and server meters after real requests over UDP on 127.0.0.1.
 */
@SpringBootTest(classes = { ObservedApplication.class, CoapMetricsEndToEndTests.Recording.class },
		properties = { "coap.server.port=0", "coap.network.piggyback-reply=50ms", "coap.network.ack-timeout=300ms",
				"coap.network.ack-random-factor=1.0", "spring.main.banner-mode=off" })
class CoapMetricsEndToEndTests {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@LocalCoapPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Autowired
	CoapTemplate coap;

	@Autowired
	Recording recording;

	@Test
	void serverTimerIsTaggedWithThePatternNeverTheConcretePath() {
		assertThat(this.coap.getForObject(uri("/things/7"), String.class)).isEqualTo("thing 7");
		assertThat(this.coap.getForObject(uri("/things/8"), String.class)).isEqualTo("thing 8");
		await().atMost(WAIT).until(() -> serverCount("GET", "/things/{id}", "2.05", "SUCCESS") >= 2);
		assertThat(this.meters.find("coap.server.requests").tag("uri", "/things/7").timer()).isNull();
		assertThat(this.meters.find("coap.server.requests").tag("uri", "/things/8").timer()).isNull();
	}

	@Test
	void failedRequestsAreTaggedWithTheirCodeAndRoute() {
		long missing = serverCount("GET", "/things/{id}", "4.04", "CLIENT_ERROR");
		long unknown = serverCount("GET", "NOT_FOUND", "4.04", "CLIENT_ERROR");
		long notAllowed = serverCount("DELETE", "/things/{id}", "4.05", "CLIENT_ERROR");
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> this.coap.getForObject(uri("/things/missing"), String.class));
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> this.coap.getForObject(uri("/nowhere/at/all"), String.class));
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> this.coap.delete(uri("/things/1")));
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(serverCount("GET", "/things/{id}", "4.04", "CLIENT_ERROR")).isEqualTo(missing + 1);
			assertThat(serverCount("GET", "NOT_FOUND", "4.04", "CLIENT_ERROR")).isEqualTo(unknown + 1);
			assertThat(serverCount("DELETE", "/things/{id}", "4.05", "CLIENT_ERROR")).isEqualTo(notAllowed + 1);
		});
		assertThat(this.meters.find("coap.server.requests").tag("uri", "/nowhere/at/all").timer()).isNull();
	}

	@Test
	void resourcesOfTheTreeAreTaggedWithTheirPath() {
		long legacy = serverCount("GET", "/legacy", "2.05", "SUCCESS");
		long discovery = serverCount("GET", "/.well-known/core", "2.05", "SUCCESS");
		assertThat(this.coap.getForObject(uri("/legacy"), String.class)).isEqualTo("legacy");
		assertThat(this.coap.discover(uri("/"))).isNotEmpty();
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(serverCount("GET", "/legacy", "2.05", "SUCCESS")).isEqualTo(legacy + 1);
			assertThat(serverCount("GET", "/.well-known/core", "2.05", "SUCCESS")).isEqualTo(discovery + 1);
		});
	}

	@Test
	void observeRegistrationIsTaggedWithItsRoute() {
		long before = serverCount("GET", "/things/{id}", "2.05", "SUCCESS");
		long unknownBefore = serverCount("GET", "UNKNOWN", "2.05", "SUCCESS");
		List<String> values = new CopyOnWriteArrayList<>();
		CoapObservation<String> thing = this.coap.observe(uri("/things/12"), String.class, values::add);
		try {
			await().atMost(WAIT).until(() -> values.contains("thing 12"));
			// the registration's response is timed under the route of the handler method that served it
			await().atMost(WAIT).until(() -> serverCount("GET", "/things/{id}", "2.05", "SUCCESS") == before + 1);
			assertThat(serverCount("GET", "UNKNOWN", "2.05", "SUCCESS")).isEqualTo(unknownBefore);
		}
		finally {
			thing.cancel();
		}
	}

	@Test
	void separateResponseIsTimedUntilItIsSent() {
		assertThat(this.coap.postForObject(uri("/things/3/slow"), null, String.class)).isEqualTo("slow 3");
		await().atMost(WAIT).until(() -> serverTimer("POST", "/things/{id}/slow", "2.04", "SUCCESS") != null);
		Timer timer = serverTimer("POST", "/things/{id}/slow", "2.04", "SUCCESS");
		assertThat(timer.max(TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(250);
	}

	@Test
	void clientTimerIsTaggedWithMethodHostCodeAndOutcome() {
		long before = clientCount("GET", "127.0.0.1", "2.05", "SUCCESS", "none");
		this.coap.getForObject(uri("/things/1"), String.class);
		assertThat(clientCount("GET", "127.0.0.1", "2.05", "SUCCESS", "none")).isEqualTo(before + 1);
	}

	@Test
	void clientRequestWithoutResponseIsTaggedWithItsException() throws Exception {
		try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
			CoapTemplate impatient = this.coap.mutate().timeout(Duration.ofMillis(300)).build();
			assertThatExceptionOfType(CoapTimeoutException.class).isThrownBy(() -> impatient
				.getForObject("coap://127.0.0.1:" + silent.getLocalPort() + "/void", String.class));
		}
		await().atMost(WAIT)
			.until(() -> clientCount("GET", "127.0.0.1", "NONE", "UNKNOWN", "CoapTimeoutException") == 1);
	}

	@Test
	void observationsAreServerAndClientKindsForTracers() {
		this.recording.contexts.clear();
		this.coap.getForObject(uri("/things/42"), String.class);
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(this.recording.contexts).filteredOn(CoapServerObservationContext.class::isInstance)
				.singleElement()
				.satisfies((context) -> {
					CoapServerObservationContext server = (CoapServerObservationContext) context;
					assertThat(server.getKind()).isEqualTo(Kind.SERVER);
					assertThat(server.getContextualName()).isEqualTo("coap GET /things/{id}");
					assertThat(server.getHighCardinalityKeyValue("coap.path").getValue()).isEqualTo("/things/42");
				});
			assertThat(this.recording.contexts).filteredOn(CoapClientObservationContext.class::isInstance)
				.singleElement()
				.satisfies((context) -> assertThat(((CoapClientObservationContext) context).getKind())
					.isEqualTo(Kind.CLIENT));
		});
	}

	@Test
	void malformedDatagramsAreCounted() throws Exception {
		double before = counter("coap.server.malformed");
		try (RawCoapSocket socket = new RawCoapSocket(this.port)) {
			// CON GET with a payload marker and no payload
			socket.send(new byte[] { 0x40, 0x01, 0x12, 0x34, (byte) 0xFF });
			await().atMost(WAIT).until(() -> counter("coap.server.malformed") == before + 1);
		}
	}

	@Test
	void duplicateRequestsAreCounted() throws Exception {
		double before = counter("coap.server.duplicates");
		try (RawCoapSocket socket = new RawCoapSocket(this.port)) {
			Request request = Request.newGet();
			request.setType(Type.CON);
			request.setMID(0x2345);
			request.setToken(Token.fromProvider(new byte[] { 1, 2, 3, 4 }));
			request.getOptions().setUriPath("things/5");
			socket.send(request);
			assertThat(socket.receive(5000)).isInstanceOf(Response.class);
			socket.send(request);
			assertThat(socket.receive(5000)).isInstanceOf(Response.class);
		}
		await().atMost(WAIT).until(() -> counter("coap.server.duplicates") == before + 1);
	}

	@Test
	void unacknowledgedSeparateResponseIsRetransmitted() throws Exception {
		double before = counter("coap.server.retransmissions");
		try (RawCoapSocket socket = new RawCoapSocket(this.port)) {
			Request request = new Request(Code.POST, Type.CON);
			request.setMID(0x3456);
			request.setToken(Token.fromProvider(new byte[] { 5, 6, 7, 8 }));
			request.getOptions().setUriPath("things/9/slow");
			socket.send(request);
			List<Response> responses = new CopyOnWriteArrayList<>();
			long deadline = System.nanoTime() + WAIT.toNanos();
			while (responses.size() < 2 && System.nanoTime() < deadline) {
				Message message = socket.receive(1000);
				if (message instanceof Response response && response.getType() == Type.CON) {
					responses.add(response);
				}
			}
			assertThat(responses).hasSize(2);
			assertThat(responses.get(1).getMID()).isEqualTo(responses.get(0).getMID());
			EmptyMessage ack = new EmptyMessage(Type.ACK);
			ack.setMID(responses.get(0).getMID());
			ack.setToken(Token.EMPTY);
			socket.send(ack);
		}
		await().atMost(WAIT).until(() -> counter("coap.server.retransmissions") >= before + 1);
	}

	@Test
	void activeExchangesAndObserveRelationsAreGauges() {
		CompletableFuture<String> slow = this.coap.postForObjectAsync(uri("/things/4/slow"), null, String.class);
		await().atMost(WAIT).until(() -> gauge("coap.server.exchanges.active") >= 1);
		assertThat(slow.join()).isEqualTo("slow 4");
		await().atMost(WAIT).until(() -> gauge("coap.server.exchanges.active") == 0);
		double relations = gauge("coap.server.observe.relations");
		CoapObservation<String> thing = this.coap.observe(uri("/things/11"), String.class, (value) -> {
		});
		CoapObservation<String> legacy = this.coap.observe(uri("/legacy"), String.class, (value) -> {
		});
		try {
			await().atMost(WAIT).until(() -> gauge("coap.server.observe.relations") == relations + 2);
		}
		finally {
			thing.cancel();
			legacy.cancel();
		}
		await().atMost(WAIT).until(() -> gauge("coap.server.observe.relations") == relations);
	}

	private String uri(String path) {
		return "coap://127.0.0.1:" + this.port + path;
	}

	private Timer serverTimer(String method, String uri, String code, String outcome) {
		return this.meters.find("coap.server.requests")
			.tags("method", method, "uri", uri, "code", code, "outcome", outcome)
			.timer();
	}

	private long serverCount(String method, String uri, String code, String outcome) {
		Timer timer = serverTimer(method, uri, code, outcome);
		return (timer != null) ? timer.count() : 0;
	}

	private long clientCount(String method, String host, String code, String outcome, String exception) {
		Timer timer = this.meters.find("coap.client.requests")
			.tags("method", method, "remote.host", host, "code", code, "outcome", outcome, "exception", exception)
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	private double counter(String name) {
		return this.meters.get(name).tag("scheme", "coap").functionCounter().count();
	}

	private double gauge(String name) {
		return this.meters.get(name).gauge().value();
	}

	/**
	 * Records every observation stopped, as a tracer's handler sees them.
	 */
	static class Recording implements ObservationHandler<Observation.Context> {

		final List<Observation.Context> contexts = new CopyOnWriteArrayList<>();

		@Override
		public void onStop(Observation.Context context) {
			this.contexts.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
