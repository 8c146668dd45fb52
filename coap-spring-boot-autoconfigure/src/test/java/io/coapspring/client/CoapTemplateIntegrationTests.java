package io.coapspring.client;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.coapspring.client.RequestLog.Entry;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.context.LocalCoapPort;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.OptionSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * End-to-end tests of {@link CoapTemplate} requests against the auto-configured server.
 */
@CoapClientIntegrationTest
class CoapTemplateIntegrationTests {

	private static final File PROPERTIES_FILE = new File("Californium3.properties");

	@Autowired
	private CoapTemplate coap;

	@Autowired
	private RequestLog log;

	@Autowired
	private CoapServer server;

	@LocalCoapPort
	private int port;

	@BeforeAll
	static void noPropertiesFileBefore() {
		assertThat(PROPERTIES_FILE).doesNotExist();
	}

	@AfterAll
	static void noPropertiesFileWritten() {
		assertThat(PROPERTIES_FILE).as("Californium's static standard configuration must not be used").doesNotExist();
	}

	static boolean isIpv6LoopbackAvailable() {
		try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("::1"), 0))) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private String uri(String path) {
		return "coap://127.0.0.1:" + this.port + path;
	}

	private Entry last(String marker) {
		List<Entry> entries = this.log.withQuery(marker);
		assertThat(entries).as("requests marked " + marker).isNotEmpty();
		return entries.get(entries.size() - 1);
	}

	@Test
	void getForObjectReadsText() {
		assertThat(this.coap.getForObject(uri("/echo"), String.class)).isEqualTo("hello");
	}

	@Test
	void getForEntityCarriesCodeAndOptions() {
		CoapResponseEntity<String> response = this.coap.getForEntity(uri("/echo"), String.class);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getContentFormat()).isEqualTo(MediaTypeRegistry.TEXT_PLAIN);
		assertThat(response.getBody()).isEqualTo("hello");
	}

	@Test
	void uriTemplateVariablesAreExpandedAndEncoded() {
		Reading reading = this.coap.getForObject(uri("/sensors/{id}?unit={unit}&t=template"), Reading.class,
				"a b/c", "F&x=y");
		assertThat(reading).isEqualTo(new Reading("a b/c", 21.5, "F&x=y"));
		Entry request = last("t=template");
		assertThat(request.options().getUriPath()).containsExactly("sensors", "a b/c");
		assertThat(request.options().getUriQuery()).containsExactly("unit=F&x=y", "t=template");
	}

	@Test
	void namedUriVariables() {
		Reading reading = this.coap.getForObject(uri("/sensors/{id}"), Reading.class, Map.of("id", "7"));
		assertThat(reading).isEqualTo(new Reading("7", 21.5, "C"));
	}

	@Test
	void ipv6LiteralUri() {
		assumeTrue(isIpv6LoopbackAvailable(), "this host has no IPv6 loopback address");
		String ipv6 = "coap://[::1]:" + this.port + "/echo?t=ipv6";
		assertThat(this.coap.getForObject(ipv6, String.class)).isEqualTo("hello");
		Entry request = last("t=ipv6");
		assertThat(request.source().getAddress()).isInstanceOf(Inet6Address.class);
		assertThat(request.options().hasUriHost()).isFalse();
	}

	@Test
	void hostNameUri() {
		assertThat(this.coap.getForObject("coap://localhost:" + this.port + "/echo?t=hostname", String.class))
			.isEqualTo("hello");
		assertThat(last("t=hostname").options().getUriHost()).isEqualTo("localhost");
	}

	@Test
	void postPutDeleteFetchPatchAndIPatch() {
		assertThat(this.coap.postForObject(uri("/echo"), "hi", String.class)).isEqualTo("POST:hi");
		assertThat(this.coap.fetch(uri("/echo"), "selector", String.class)).isEqualTo("FETCH:selector");
		assertThat(this.coap.patch(uri("/echo"), "patch", String.class)).isEqualTo("PATCH:patch");
		this.coap.put(uri("/echo?t=put"), "value");
		this.coap.iPatch(uri("/echo?t=ipatch"), "idempotent");
		this.coap.delete(uri("/echo?t=delete"));
		assertThat(last("t=put").code()).isEqualTo(Code.PUT);
		assertThat(last("t=ipatch").code()).isEqualTo(Code.IPATCH);
		assertThat(last("t=delete").code()).isEqualTo(Code.DELETE);
	}

	@Test
	void postForEntityWritesAndReadsJson() {
		Reading sent = new Reading("s1", 3.5, "K");
		CoapResponseEntity<Reading> response = this.coap.postForEntity(uri("/echo"), sent, Reading.class);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
		assertThat(response.getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_JSON);
		assertThat(response.getBody()).isEqualTo(sent);
	}

	@Test
	void postForLocationResolvesLocationPathAndQuery() {
		URI location = this.coap.postForLocation(uri("/items"), "new");
		assertThat(location).isEqualTo(URI.create(uri("/items/42?v=1")));
	}

	@Test
	void postForLocationWithoutLocationIsNull() {
		assertThat(this.coap.postForLocation(uri("/echo"), "no location")).isNull();
	}

	@Test
	void exchangeWithContentFormatAndAccept() {
		CoapResponseEntity<String> stored = this.coap.exchange(CoapRequestEntity.put(uri("/sensors/{id}?t=cbor"), 9)
			.contentFormat("application/cbor")
			.body(new Reading("9", 1.25, "C")), String.class);
		assertThat(stored.getBody()).isEqualTo("stored 9=1.25");
		assertThat(last("t=cbor").options().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_CBOR);
		CoapResponseEntity<Reading> read = this.coap
			.exchange(CoapRequestEntity.get(uri("/sensors/5")).accept("application/cbor").build(), Reading.class);
		assertThat(read.getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_CBOR);
		assertThat(read.getBody()).isEqualTo(new Reading("5", 21.5, "C"));
	}

	@Test
	void exchangeWithParameterizedType() {
		List<Reading> sent = List.of(new Reading("a", 1, "C"), new Reading("b", 2, "C"));
		CoapResponseEntity<List<Reading>> response = this.coap.exchange(
				CoapRequestEntity.post(uri("/echo")).body(sent), new ParameterizedTypeReference<List<Reading>>() {
				});
		assertThat(response.getBody()).isEqualTo(sent);
	}

	@Test
	void templateDefaultsApplyToEveryRequest() {
		CoapTemplate cbor = this.coap.mutate()
			.accept("application/cbor")
			.contentFormat("60")
			.confirmable(false)
			.blockSize(DataSize.ofBytes(128))
			.build();
		CoapResponseEntity<Reading> read = cbor.getForEntity(uri("/sensors/4?t=defaults-get"), Reading.class);
		assertThat(read.getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_CBOR);
		assertThat(read.getBody()).isEqualTo(new Reading("4", 21.5, "C"));
		cbor.put(uri("/sensors/4?t=defaults-put"), new Reading("4", 2, "C"));
		Entry get = last("t=defaults-get");
		assertThat(get.type()).isEqualTo(Type.NON);
		assertThat(get.options().getAccept()).isEqualTo(MediaTypeRegistry.APPLICATION_CBOR);
		assertThat(get.block2Size()).isEqualTo(128);
		assertThat(last("t=defaults-put").options().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_CBOR);
	}

	@Test
	void confirmableOrNot() {
		this.coap.exchange(CoapRequestEntity.get(uri("/echo?t=non")).nonConfirmable().build(), String.class);
		this.coap.exchange(CoapRequestEntity.get(uri("/echo?t=con")).build(), String.class);
		assertThat(last("t=non").type()).isEqualTo(Type.NON);
		assertThat(last("t=con").type()).isEqualTo(Type.CON);
	}

	@Test
	void optionsByNameAndNumber() {
		this.coap.exchange(CoapRequestEntity.get(uri("/echo?t=options"))
			.option("if-none-match", true)
			.option("ETag", new byte[] { 1, 2 })
			.option("Size2", 0)
			.option(65000, "0xCAFE")
			.option(65002, "text")
			.build(), String.class);
		OptionSet options = last("t=options").options();
		assertThat(options.hasIfNoneMatch()).isTrue();
		assertThat(options.getETags()).containsExactly(new byte[] { 1, 2 });
		assertThat(options.hasSize2()).isTrue();
		assertThat(options.getOtherOption(65000).getValue()).containsExactly(0xCA, 0xFE);
		assertThat(options.getOtherOption(65002).getValue()).isEqualTo("text".getBytes());
	}

	@Test
	void unknownOptionNameFailsBeforeSending() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.coap.exchange(
					CoapRequestEntity.get(uri("/echo")).option("No-Such-Option", "x").build(), String.class))
			.withMessageContaining("No-Such-Option");
	}

	@Test
	void clientErrorRaisesExceptionWithCodePayloadAndOptions() {
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> this.coap.getForObject(uri("/error"), String.class))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(ResponseCode.NOT_FOUND);
				assertThat(ex.isClientError()).isTrue();
				assertThat(ex.getResponsePayloadAsString()).isEqualTo("no such sensor");
				assertThat(ex.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.TEXT_PLAIN);
				assertThat(ex).hasMessageContaining("4.04").hasMessageContaining("no such sensor");
			});
	}

	@Test
	void serverErrorRaisesException() {
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> this.coap.postForObject(uri("/error"), "x", String.class))
			.satisfies((ex) -> assertThat(ex.isServerError()).isTrue());
	}

	@Test
	void errorPayloadCanBeConverted() {
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> this.coap.put(uri("/error"), "x"))
			.satisfies((ex) -> assertThat(ex.getResponseBodyAs(Map.class)).containsEntry("title", "bad threshold"));
	}

	@Test
	void noAnswerWithinTimeoutRaisesTimeout() {
		long start = System.nanoTime();
		assertThatExceptionOfType(CoapTimeoutException.class)
			.isThrownBy(() -> this.coap.exchange(
					CoapRequestEntity.get(uri("/silent")).timeout(Duration.ofMillis(300)).build(), String.class))
			.satisfies((ex) -> assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(300)));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void retransmissionsRunningOutRaiseTimeout() throws Exception {
		try (ScriptedUdpPeer peer = ScriptedUdpPeer.silent()) {
			assertThatExceptionOfType(CoapTimeoutException.class)
				.isThrownBy(() -> this.coap.exchange(CoapRequestEntity.get(peer.uri("/x")).maxRetransmit(2).build(),
						String.class))
				.satisfies((ex) -> assertThat(ex.getTimeout()).isZero());
			assertThat(peer.received()).as("the request and two retransmissions").hasSize(3);
		}
	}

	@Test
	void resetRaisesResetException() throws Exception {
		try (ScriptedUdpPeer peer = ScriptedUdpPeer.resetting()) {
			assertThatExceptionOfType(CoapResetException.class)
				.isThrownBy(() -> this.coap.getForObject(peer.uri("/x"), String.class))
				.withMessageContaining("RST");
		}
	}

	@Test
	void separateResponse() {
		assertThat(this.coap.getForObject(uri("/slow"), String.class)).isEqualTo("done");
	}

	@Test
	void asyncResponseIsConvertedOnTheCallbackExecutor() throws Exception {
		CompletableFuture<String> thread = this.coap.getForObjectAsync(uri("/slow"), String.class)
			.thenApply((body) -> body + "@" + Thread.currentThread().getName());
		assertThat(thread.get(5, TimeUnit.SECONDS)).startsWith("done@CoapClient(callback)");
		assertThat(this.coap.postForObjectAsync(uri("/echo"), "a", String.class).get(5, TimeUnit.SECONDS))
			.isEqualTo("POST:a");
		assertThat(this.coap.postForLocationAsync(uri("/items"), "b").get(5, TimeUnit.SECONDS))
			.isEqualTo(URI.create(uri("/items/42?v=1")));
		assertThat(this.coap.fetchAsync(uri("/echo"), "f", String.class).get(5, TimeUnit.SECONDS)).isEqualTo("FETCH:f");
		assertThat(this.coap.patchAsync(uri("/echo"), "p", String.class).get(5, TimeUnit.SECONDS)).isEqualTo("PATCH:p");
		this.coap.putAsync(uri("/echo"), "v").get(5, TimeUnit.SECONDS);
		this.coap.iPatchAsync(uri("/echo"), "v").get(5, TimeUnit.SECONDS);
		this.coap.deleteAsync(uri("/echo")).get(5, TimeUnit.SECONDS);
		assertThat(this.coap.getForEntityAsync(uri("/echo"), String.class).get(5, TimeUnit.SECONDS).getBody())
			.isEqualTo("hello");
	}

	@Test
	void asyncErrorCompletesExceptionally() {
		CompletableFuture<String> future = this.coap.getForObjectAsync(uri("/error"), String.class);
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(5, TimeUnit.SECONDS))
			.withCauseInstanceOf(CoapClientResponseException.class);
	}

	@Test
	void cancellingTheFutureStopsRetransmission() throws Exception {
		try (ScriptedUdpPeer peer = ScriptedUdpPeer.silent()) {
			CompletableFuture<String> future = this.coap.getForObjectAsync(peer.uri("/x"), String.class);
			await().atMost(Duration.ofSeconds(2)).until(() -> !peer.received().isEmpty());
			assertThat(future.cancel(true)).isTrue();
			int sent = peer.received().size();
			// with a 200 ms ACK timeout, at least two more retransmissions would arrive within 1.5 s; one may
			// already be on its way when the future is cancelled
			await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
				.until(() -> peer.received().size() <= sent + 1);
		}
	}

	@Test
	void blockwiseDownloadOf64Kb() {
		byte[] body = this.coap.getForObject(uri("/big?t=download"), byte[].class);
		assertThat(body).isEqualTo(ClientTestApplication.bigBody());
		assertThat(this.log.withQuery("t=download")).hasSizeGreaterThan(64);
	}

	@Test
	void blockwiseUploadOf64Kb() {
		byte[] body = ClientTestApplication.bigBody();
		String answer = this.coap.exchange(CoapRequestEntity.put(uri("/big?t=upload")).body(body), String.class)
			.getBody();
		assertThat(answer).isEqualTo(body.length + ":" + ClientTestApplication.sha256(body));
		assertThat(this.log.withQuery("t=upload")).allSatisfy((entry) -> assertThat(entry.block1Size()).isEqualTo(512));
	}

	@Test
	void perRequestBlockSizeAppliesToBothDirections() {
		byte[] body = ClientTestApplication.bigBody();
		byte[] download = this.coap
			.exchange(CoapRequestEntity.get(uri("/big?t=block2-64")).blockSize(64).build(), byte[].class)
			.getBody();
		assertThat(download).isEqualTo(body);
		List<Entry> downloads = this.log.withQuery("t=block2-64");
		assertThat(downloads).allSatisfy((entry) -> assertThat(entry.block2Size()).isEqualTo(64));
		assertThat(downloads.stream().map(Entry::block2Number).distinct()).hasSize(BIG_BLOCKS_OF_64);
		byte[] small = new byte[1000];
		String upload = this.coap
			.exchange(CoapRequestEntity.put(uri("/big?t=block1-64")).blockSize(64).body(small), String.class)
			.getBody();
		assertThat(upload).startsWith("1000:");
		List<Entry> uploads = this.log.withQuery("t=block1-64");
		List<Entry> block1 = uploads.stream().filter((entry) -> entry.block1Size() != null).toList();
		assertThat(block1).allSatisfy((entry) -> assertThat(entry.block1Size()).isEqualTo(64));
		assertThat(block1.stream().map(Entry::block1Number).distinct()).as("1000 bytes in blocks of 64").hasSize(16);
		assertThat(uploads).as("the 69-byte answer is fetched in blocks of 64 too")
			.anySatisfy((entry) -> assertThat(entry.block2Number()).isEqualTo(1));
	}

	private static final int BIG_BLOCKS_OF_64 = ClientTestApplication.BIG_SIZE / 64;

	@Test
	void responseLargerThanTheMaximumBodySizeFails() {
		assertThatExceptionOfType(CoapClientException.class)
			.isThrownBy(() -> this.coap.exchange(
					CoapRequestEntity.get(uri("/big")).maxBodySize(DataSize.ofKilobytes(8)).build(), byte[].class))
			.withMessageContaining("exceeds");
	}

	@Test
	void requestLargerThanTheMaximumBodySizeFailsBeforeSending() {
		assertThatExceptionOfType(CoapClientException.class)
			.isThrownBy(() -> this.coap.exchange(
					CoapRequestEntity.put(uri("/big")).maxBodySize(DataSize.ofKilobytes(1)).body(new byte[2048]),
					String.class))
			.withMessageContaining("2048 bytes");
	}

	@Test
	void multicastToAUnicastAddressCollectsItsResponse() {
		List<CoapMulticastResponse<String>> responses = this.coap.multicast(uri("/echo?t=multicast"), String.class,
				Duration.ofMillis(300));
		assertThat(responses).singleElement().satisfies((response) -> {
			assertThat(response.sender().getPort()).isEqualTo(this.port);
			assertThat(response.response().getBody()).isEqualTo("hello");
		});
		assertThat(last("t=multicast").type()).isEqualTo(Type.NON);
	}

	@Test
	void relativeUriNeedsABaseUri() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.coap.getForObject("/echo", String.class))
			.withMessageContaining("coap.client.base-uri");
		CoapTemplate withBase = this.coap.mutate().baseUri(uri("/")).build();
		assertThat(withBase.getForObject("/echo", String.class)).isEqualTo("hello");
		assertThat(withBase.getForObject("echo", String.class)).isEqualTo("hello");
	}

	@Test
	void unsupportedSchemeIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.coap.getForObject("http://127.0.0.1/echo", String.class))
			.withMessageContaining("'http'");
	}

	@Test
	void coapsNeedsDtlsCredentials() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.coap.getForObject("coaps://127.0.0.1/echo", String.class))
			.withMessageContaining("no DTLS credentials")
			.withMessageContaining("pskIdentity");
	}

	@Test
	void dedicatedEndpointsAreTheTemplatesOwn() {
		CoapTemplate dedicated = this.coap.mutate().dedicatedEndpoints().build();
		try {
			this.coap.getForObject(uri("/echo?t=shared"), String.class);
			assertThat(dedicated.getForObject(uri("/echo?t=dedicated"), String.class)).isEqualTo("hello");
			assertThat(dedicated.getEndpoints()).isNotSameAs(this.coap.getEndpoints());
			assertThat(last("t=dedicated").source().getPort()).isNotEqualTo(last("t=shared").source().getPort());
		}
		finally {
			dedicated.close();
		}
		assertThat(dedicated.getEndpoints().getEndpoints()).isEmpty();
		assertThatIllegalStateException().isThrownBy(() -> dedicated.getForObject(uri("/echo"), String.class));
		assertThat(this.coap.getForObject(uri("/echo"), String.class)).as("shared endpoints stay open")
			.isEqualTo("hello");
	}

	@Test
	void closingTheEndpointsFailsRequestsAndObservationsInFlight() {
		CoapTemplate dedicated = this.coap.mutate().dedicatedEndpoints().build();
		CompletableFuture<String> pending = dedicated.getForObjectAsync(uri("/silent"), String.class);
		AtomicReference<@Nullable Throwable> observationError = new AtomicReference<>();
		List<@Nullable String> values = new CopyOnWriteArrayList<>();
		CoapObservation<String> observation = dedicated.observe(uri("/counter"), String.class, values::add,
				observationError::set);
		await().atMost(Duration.ofSeconds(5)).until(() -> !values.isEmpty());
		dedicated.close();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> pending.get(5, TimeUnit.SECONDS))
			.withCauseInstanceOf(CoapClientException.class)
			.withMessageContaining("closed");
		await().atMost(Duration.ofSeconds(5)).until(() -> observationError.get() != null);
		assertThat(observationError.get()).hasMessageContaining("closed");
		assertThat(observation.isActive()).isFalse();
	}

	@Test
	void requestsCanLeaveFromTheServersEndpoint() {
		CoapTemplate fromServer = this.coap.mutate().endpoint(this.server.getEndpoints().get(0)).build();
		try {
			assertThat(fromServer.getForObject(uri("/echo?t=from-server"), String.class)).isEqualTo("hello");
			assertThat(last("t=from-server").source().getPort()).isEqualTo(this.port);
		}
		finally {
			fromServer.close();
		}
		assertThat(this.server.getEndpoints().get(0).isStarted()).as("the server's endpoint stays started").isTrue();
		assertThat(Objects.requireNonNull(this.coap.getForObject(uri("/echo"), String.class))).isEqualTo("hello");
	}

}
