package io.coapspring.proxy;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.coapspring.client.CoapRequestEntity;
import io.coapspring.client.CoapTemplate;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.context.LocalCoapPort;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Option;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.option.OpaqueOptionDefinition;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Three parties over real sockets: a CoAP client, the proxy application (CoAP and HTTP on random ports) and
 * origin servers (a Californium server and the JDK's HTTP server) on 127.0.0.1.
 */
@SpringBootTest(classes = ProxyTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "coap.server.port=0", "coap.proxy.enabled=true", "coap.proxy.http.enabled=true",
				"coap.proxy.allowed-destinations=127.0.0.1:*", "coap.proxy.timeout=1s" })
class CoapProxyEndToEndTests {

	private static OriginServer origin;

	private static HttpOrigin httpOrigin;

	private static CoapEndpoint client;

	private static HttpClient http;

	@LocalCoapPort
	private int coapPort;

	@LocalServerPort
	private int httpPort;

	@Autowired
	private CoapTemplate coapTemplate;

	@Autowired
	private MutableClock clock;

	@Autowired
	private CoapProxyCache cache;

	@BeforeAll
	static void startPeers() throws Exception {
		origin = new OriginServer();
		httpOrigin = new HttpOrigin();
		Configuration configuration = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
				SystemConfig.DEFINITIONS);
		client = new CoapEndpoint.Builder().setConfiguration(configuration)
			.setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0))
			.build();
		client.start();
		http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	}

	@AfterAll
	static void stopPeers() {
		client.destroy();
		origin.close();
		httpOrigin.close();
		// HttpClient has no close() before Java 21: its threads end when it is unreachable
		http = null;
	}

	@BeforeEach
	void emptyCache() {
		this.cache.clear();
	}

	private Request proxied(Code method, String proxyUri) {
		Request request = new Request(method, Type.CON);
		request.setDestinationContext(new AddressEndpointContext(new InetSocketAddress("127.0.0.1", this.coapPort)));
		request.getOptions().setProxyUri(proxyUri);
		return request;
	}

	private static Response send(Request request) throws InterruptedException {
		client.sendRequest(request);
		Response response = request.waitForResponse(10_000);
		assertThat(response).as("response to " + request).isNotNull();
		return response;
	}

	private static String text(Response response) {
		return OriginServer.text(response);
	}

	// CoAP -> CoAP

	@Test
	void forwardsProxyUriRequests() throws Exception {
		Response response = send(proxied(Code.GET, origin.uri("/hello?lang=en&x=a%26b")));
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(text(response)).isEqualTo("world");
		assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.TEXT_PLAIN);
		Request forwarded = origin.last();
		assertThat(forwarded.getOptions().getUriPath()).containsExactly("hello");
		assertThat(forwarded.getOptions().getUriQuery()).containsExactly("lang=en", "x=a&b");
		assertThat(forwarded.getOptions().hasProxyUri()).isFalse();
		assertThat(forwarded.getOptions().hasUriHost()).isFalse();
		assertThat(forwarded.getSourceContext().getPeerAddress().getPort()).isNotEqualTo(this.coapPort);
	}

	@Test
	void forwardsProxySchemeRequests() throws Exception {
		Request request = new Request(Code.GET, Type.CON);
		request.setDestinationContext(new AddressEndpointContext(new InetSocketAddress("127.0.0.1", this.coapPort)));
		request.getOptions().setProxyScheme("coap").setUriHost("127.0.0.1").setUriPort(origin.port())
			.addUriPath("hello");
		Response response = send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(text(response)).isEqualTo("world");
	}

	@Test
	void coapTemplateSendsThroughTheProxy() {
		CoapResponseEntity<String> response = this.coapTemplate.exchange(
				CoapRequestEntity.get(URI.create("coap://127.0.0.1:" + this.coapPort))
					.proxyUri(origin.uri("/hello"))
					.build(),
				String.class);
		assertThat(response.getBody()).isEqualTo("world");
	}

	@Test
	void relaysCodeOptionsAndPayload() throws Exception {
		Request post = proxied(Code.POST, origin.uri("/echo"));
		post.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON).setAccept(MediaTypeRegistry.APPLICATION_JSON);
		post.setPayload("{\"a\":1}");
		Response response = send(post);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CHANGED);
		assertThat(text(response)).isEqualTo("{\"a\":1}");
		assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_JSON);
		assertThat(response.getOptions().getLocationPath()).containsExactly("echoed");
		Request forwarded = origin.last();
		assertThat(forwarded.getCode()).isEqualTo(Code.POST);
		assertThat(forwarded.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_JSON);
		assertThat(forwarded.getOptions().getAccept()).isEqualTo(MediaTypeRegistry.APPLICATION_JSON);
	}

	@Test
	void relaysPayloadWithoutContentFormatAsItIs() throws Exception {
		Request put = proxied(Code.PUT, origin.uri("/echo"));
		put.setPayload("raw");
		Response response = send(put);
		assertThat(text(response)).isEqualTo("raw");
		assertThat(origin.last().getOptions().hasContentFormat()).isFalse();
		assertThat(response.getOptions().hasContentFormat()).isFalse();
	}

	@Test
	void relaysErrorsOfTheOrigin() throws Exception {
		Response response = send(proxied(Code.GET, origin.uri("/missing")));
		assertThat(response.getCode()).isEqualTo(ResponseCode.NOT_FOUND);
		Response busy = send(proxied(Code.GET, origin.uri("/busy")));
		assertThat(busy.getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
		assertThat(busy.getOptions().getMaxAge()).isEqualTo(7);
		assertThat(text(busy)).isEqualTo("busy");
	}

	@Test
	void blockwiseTransfersOnBothHops() throws Exception {
		Response big = send(proxied(Code.GET, origin.uri("/big")));
		assertThat(big.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(big.getPayload()).isEqualTo(OriginServer.bigBody());
		Request put = proxied(Code.PUT, origin.uri("/big"));
		put.setPayload(OriginServer.bigBody());
		Response stored = send(put);
		assertThat(stored.getCode()).isEqualTo(ResponseCode.CHANGED);
		assertThat(text(stored)).isEqualTo(OriginServer.BIG_SIZE + ":" + OriginServer.sha256(OriginServer.bigBody()));
		assertThat(origin.block1Messages.get()).as("blocks of the body the proxy sent").isGreaterThan(1);
	}

	// cache

	@Test
	void freshResponsesAreServedFromTheCache() throws Exception {
		int before = origin.counted.get();
		Response first = send(proxied(Code.GET, origin.uri("/counted")));
		Response second = send(proxied(Code.GET, origin.uri("/counted")));
		assertThat(origin.counted.get()).as("origin requests").isEqualTo(before + 1);
		assertThat(text(second)).isEqualTo(text(first));
		assertThat(second.getOptions().getETags()).containsExactly(first.getOptions().getETags().get(0));
		this.clock.advance(Duration.ofSeconds(10));
		Response third = send(proxied(Code.GET, origin.uri("/counted")));
		assertThat(third.getOptions().getMaxAge()).as("remaining freshness").isEqualTo(20);
		assertThat(origin.counted.get()).isEqualTo(before + 1);
	}

	@Test
	void aFreshResponseValidatesTheClientsETag() throws Exception {
		Response first = send(proxied(Code.GET, origin.uri("/counted")));
		int before = origin.counted.get();
		Request validation = proxied(Code.GET, origin.uri("/counted"));
		validation.getOptions().addETag(first.getOptions().getETags().get(0));
		Response valid = send(validation);
		assertThat(valid.getCode()).isEqualTo(ResponseCode.VALID);
		assertThat(valid.getPayloadSize()).isZero();
		assertThat(origin.counted.get()).isEqualTo(before);
	}

	@Test
	void staleResponsesAreRevalidatedWithTheirETag() throws Exception {
		Response first = send(proxied(Code.GET, origin.uri("/counted")));
		int validations = origin.countedValidations.get();
		this.clock.advance(Duration.ofSeconds(31));
		Response second = send(proxied(Code.GET, origin.uri("/counted")));
		assertThat(origin.countedValidations.get()).as("validations at the origin").isEqualTo(validations + 1);
		assertThat(origin.last().getOptions().getETags()).containsExactlyElementsOf(first.getOptions().getETags());
		assertThat(second.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(text(second)).isEqualTo(text(first));
		assertThat(second.getOptions().getMaxAge()).isEqualTo(30);
		int requests = origin.counted.get();
		send(proxied(Code.GET, origin.uri("/counted")));
		assertThat(origin.counted.get()).as("refreshed by the 2.03").isEqualTo(requests);
	}

	@Test
	void unsafeRequestsInvalidateTheCachedResponse() throws Exception {
		Response first = send(proxied(Code.GET, origin.uri("/counted")));
		Response changed = send(proxied(Code.PUT, origin.uri("/counted")));
		assertThat(changed.getCode()).isEqualTo(ResponseCode.CHANGED);
		Response second = send(proxied(Code.GET, origin.uri("/counted")));
		assertThat(text(second)).isNotEqualTo(text(first));
		assertThat(second.getOptions().getETags().get(0)).isNotEqualTo(first.getOptions().getETags().get(0));
	}

	@Test
	void responsesExpireAfterTheirMaxAge() throws Exception {
		int before = origin.shortLived.get();
		send(proxied(Code.GET, origin.uri("/short")));
		send(proxied(Code.GET, origin.uri("/short")));
		assertThat(origin.shortLived.get()).isEqualTo(before + 1);
		this.clock.advance(Duration.ofSeconds(6));
		Response after = send(proxied(Code.GET, origin.uri("/short")));
		assertThat(origin.shortLived.get()).isEqualTo(before + 2);
		assertThat(text(after)).isEqualTo("short " + (before + 2));
	}

	@Test
	void responsesWithMaxAgeZeroAreNotCached() throws Exception {
		int before = origin.uncacheable.get();
		send(proxied(Code.GET, origin.uri("/uncacheable")));
		send(proxied(Code.GET, origin.uri("/uncacheable")));
		assertThat(origin.uncacheable.get()).isEqualTo(before + 2);
	}

	@Test
	void theAcceptOptionIsPartOfTheCacheKey() throws Exception {
		int before = origin.shortLived.get();
		send(proxied(Code.GET, origin.uri("/short")));
		Request other = proxied(Code.GET, origin.uri("/short"));
		other.getOptions().setAccept(MediaTypeRegistry.TEXT_PLAIN);
		send(other);
		assertThat(origin.shortLived.get()).isEqualTo(before + 2);
	}

	@Test
	void observationsAreNotRelayed() throws Exception {
		Request request = proxied(Code.GET, origin.uri("/hello"));
		request.setObserve();
		Response response = send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(response.getOptions().hasObserve()).as("the client learns it does not observe").isFalse();
		assertThat(origin.last().getOptions().hasObserve()).isFalse();
	}

	@Test
	void libcoapClientsSendThroughTheProxy() throws Exception {
		String binary = "coap-client-notls";
		if (!isOnPath(binary)) {
			String message = binary + " is not installed: install the Debian package 'libcoap3-bin'";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message);
			}
			assumeTrue(false, message);
		}
		// -B bounds libcoap's own wait; it exits 0 on 4.xx and 5.xx too, so the output is judged
		Process process = new ProcessBuilder(binary, "-B", "5", "-m", "get", "-P",
				"coap://127.0.0.1:" + this.coapPort, origin.uri("/hello"))
			.redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
		try {
			assertThat(process.waitFor(20, TimeUnit.SECONDS)).as(binary + " ended").isTrue();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(output.trim()).isEqualTo("world");
			assertThat(origin.last().getOptions().getUriPath()).containsExactly("hello");
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static boolean isOnPath(String binary) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(directory, binary))) {
				return true;
			}
		}
		return false;
	}

	// the proxy's own answers

	@Test
	void destinationsOutsideTheAllowListAreForbidden() throws Exception {
		int before = origin.received().size();
		Response response = send(proxied(Code.GET, "coap://127.0.0.2:" + origin.port() + "/hello"));
		assertThat(response.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
		assertThat(text(response)).contains("127.0.0.2").contains("not allowed");
		Response byName = send(proxied(Code.GET, "coap://device.example:" + origin.port() + "/hello"));
		assertThat(byName.getCode()).isIn(ResponseCode.FORBIDDEN, ResponseCode.BAD_GATEWAY);
		assertThat(origin.received()).hasSize(before);
	}

	@Test
	void anOriginThatDoesNotAnswerIsAGatewayTimeout() throws Exception {
		long start = System.nanoTime();
		Response response = send(proxied(Code.GET, origin.uri("/silent")));
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(response.getCode()).isEqualTo(ResponseCode.GATEWAY_TIMEOUT);
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void anOriginThatResetsIsABadGateway() throws Exception {
		Response response = send(proxied(Code.GET, origin.uri("/reject")));
		assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_GATEWAY);
		assertThat(text(response)).contains("RST");
	}

	@Test
	void malformedProxyUrisAreBadRequests() throws Exception {
		for (String uri : new String[] { "coap://[::1", "/relative/path", "coap:opaque", "coap://host:99999/x",
				"coap://127.0.0.1/%zz" }) {
			Response response = send(proxied(Code.GET, uri));
			assertThat(response.getCode()).as(uri).isEqualTo(ResponseCode.BAD_REQUEST);
			assertThat(text(response)).as(uri).isNotEmpty();
		}
	}

	@Test
	void unsupportedSchemesAreProxyingNotSupported() throws Exception {
		for (String uri : new String[] { "coaps://127.0.0.1:5684/x", "ftp://127.0.0.1/x", "coap+tcp://127.0.0.1/x" }) {
			Response response = send(proxied(Code.GET, uri));
			assertThat(response.getCode()).as(uri).isEqualTo(ResponseCode.PROXY_NOT_SUPPORTED);
		}
	}

	@Test
	void unsafeOptionsTheProxyDoesNotUnderstandAreABadGateway() throws Exception {
		Request request = proxied(Code.GET, origin.uri("/hello"));
		request.getOptions()
			.addOption(new Option(new OpaqueOptionDefinition(ProxyTestApplication.UNSAFE_OPTION, "Test-Unsafe"),
					new byte[] { 1 }));
		Response response = send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.BAD_GATEWAY);
		assertThat(text(response)).contains(String.valueOf(ProxyTestApplication.UNSAFE_OPTION));
	}

	@Test
	void requestsWithoutProxyOptionsStillReachTheServer() throws Exception {
		Request request = new Request(Code.GET, Type.CON);
		request.setDestinationContext(new AddressEndpointContext(new InetSocketAddress("127.0.0.1", this.coapPort)));
		request.getOptions().setUriPath(".well-known/core");
		Response response = send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
	}

	// CoAP -> HTTP

	@Test
	void httpDestinationsAreReachedWithTheRestClient() throws Exception {
		Request request = proxied(Code.GET, httpOrigin.uri("/text?a=1"));
		request.getOptions().setAccept(MediaTypeRegistry.TEXT_PLAIN);
		Response response = send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(text(response)).isEqualTo("hello from http");
		assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.TEXT_PLAIN);
		assertThat(response.getOptions().getMaxAge()).isEqualTo(30);
		assertThat(response.getOptions().getETags()).containsExactly(new byte[] { 0x0a, 0x0b });
		HttpOrigin.Recorded forwarded = httpOrigin.last();
		assertThat(forwarded.uri()).isEqualTo("/text?a=1");
		assertThat(forwarded.header("Accept")).startsWith("text/plain");
	}

	@Test
	void httpValidationMapsTo203() throws Exception {
		Request request = proxied(Code.GET, httpOrigin.uri("/text?validate"));
		request.getOptions().addETag(new byte[] { 0x0a, 0x0b });
		Response response = send(request);
		assertThat(response.getCode()).isEqualTo(ResponseCode.VALID);
		assertThat(response.getOptions().getETags()).containsExactly(new byte[] { 0x0a, 0x0b });
		assertThat(httpOrigin.last().header("If-None-Match")).isEqualTo("\"0a0b\"");
	}

	@Test
	void httpPostMapsBodyContentTypeStatusAndLocation() throws Exception {
		Request post = proxied(Code.POST, httpOrigin.uri("/items"));
		post.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
		post.setPayload("{\"n\":7}");
		Response response = send(post);
		assertThat(response.getCode()).isEqualTo(ResponseCode.CREATED);
		assertThat(response.getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_JSON);
		assertThat(response.getOptions().getLocationPath()).containsExactly("items", "42");
		assertThat(response.getOptions().getLocationQuery()).containsExactly("v=2");
		HttpOrigin.Recorded forwarded = httpOrigin.last();
		assertThat(forwarded.method()).isEqualTo("POST");
		assertThat(forwarded.header("Content-Type")).isEqualTo("application/json");
		assertThat(forwarded.body()).isEqualTo("{\"n\":7}");
	}

	@Test
	void httpErrorsMapToCoapCodes() throws Exception {
		Response missing = send(proxied(Code.GET, httpOrigin.uri("/nothing-here")));
		assertThat(missing.getCode()).isEqualTo(ResponseCode.NOT_FOUND);
		assertThat(text(missing)).isEqualTo("no such page");
		Response busy = send(proxied(Code.GET, httpOrigin.uri("/busy")));
		assertThat(busy.getCode()).isEqualTo(ResponseCode.SERVICE_UNAVAILABLE);
		assertThat(busy.getOptions().getMaxAge()).isEqualTo(9);
		Response redirect = send(proxied(Code.GET, httpOrigin.uri("/redirect")));
		assertThat(redirect.getCode()).as("redirects are not followed").isEqualTo(ResponseCode.BAD_GATEWAY);
		Response fetch = send(proxied(Code.FETCH, httpOrigin.uri("/text")));
		assertThat(fetch.getCode()).isEqualTo(ResponseCode.NOT_IMPLEMENTED);
	}

	@Test
	void httpDestinationsOutsideTheAllowListAreForbidden() throws Exception {
		Response response = send(proxied(Code.GET, "http://127.0.0.2:1/text"));
		assertThat(response.getCode()).isEqualTo(ResponseCode.FORBIDDEN);
	}

	// HTTP -> CoAP

	private HttpResponse<String> http(String method, String path, @Nullable String body, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.httpPort + path))
			.timeout(Duration.ofSeconds(10))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body)
					: HttpRequest.BodyPublishers.noBody());
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private String gateway(String path) {
		return "/coap/127.0.0.1:" + origin.port() + path;
	}

	@Test
	void httpGetIsMappedToCoap() throws Exception {
		HttpResponse<String> response = http("GET", gateway("/hello?lang=en"), null, "Accept",
				"text/html;q=0.9, text/plain");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("world");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=60");
		Request forwarded = origin.last();
		assertThat(forwarded.getCode()).isEqualTo(Code.GET);
		assertThat(forwarded.getOptions().getUriQuery()).containsExactly("lang=en");
		assertThat(forwarded.getOptions().getAccept()).isEqualTo(MediaTypeRegistry.TEXT_PLAIN);
	}

	@Test
	void httpPutMapsContentTypeToContentFormat() throws Exception {
		HttpResponse<String> response = http("PUT", gateway("/echo"), "{\"t\":21}", "Content-Type",
				"application/json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"t\":21}");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(origin.last().getOptions().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_JSON);
	}

	@Test
	void httpPostThatCreatesGetsALocation() throws Exception {
		HttpResponse<String> response = http("POST", gateway("/created"), "", "Content-Type", "text/plain");
		assertThat(response.statusCode()).isEqualTo(201);
		assertThat(response.headers().firstValue("Location"))
			.hasValue("/coap/127.0.0.1:" + origin.port() + "/created/7?v=1");
	}

	@Test
	void httpConditionalRequestsMapToETags() throws Exception {
		HttpResponse<String> first = http("GET", gateway("/counted"), null);
		assertThat(first.statusCode()).isEqualTo(200);
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).matches("\"0e[0-9a-f]{2}\"");
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=30");
		HttpResponse<String> notModified = http("GET", gateway("/counted"), null, "If-None-Match", etag);
		assertThat(notModified.statusCode()).isEqualTo(304);
		assertThat(notModified.headers().firstValue("ETag")).hasValue(etag);
		HttpResponse<String> failed = http("PUT", gateway("/counted"), "x", "If-Match", "\"0eff\"", "Content-Type",
				"text/plain");
		assertThat(failed.statusCode()).isEqualTo(412);
		HttpResponse<String> changed = http("PUT", gateway("/counted"), "x", "If-Match", etag, "Content-Type",
				"text/plain");
		assertThat(changed.statusCode()).isEqualTo(204);
	}

	@Test
	void coapErrorsMapToHttpStatuses() throws Exception {
		assertThat(http("GET", gateway("/missing"), null).statusCode()).isEqualTo(404);
		HttpResponse<String> busy = http("GET", gateway("/busy"), null);
		assertThat(busy.statusCode()).isEqualTo(503);
		assertThat(busy.headers().firstValue("Retry-After")).hasValue("7");
		assertThat(http("GET", gateway("/silent"), null).statusCode()).isEqualTo(504);
		assertThat(http("GET", gateway("/reject"), null).statusCode()).isEqualTo(502);
	}

	@Test
	void httpRequestsTheGatewayCannotMapAreRefused() throws Exception {
		assertThat(http("GET", "/coap/127.0.0.2:" + origin.port() + "/hello", null).statusCode()).isEqualTo(403);
		assertThat(http("GET", "/coap/%5B::1%5D:" + origin.port() + "/hello", null).statusCode())
			.as("an IPv6 literal, parsed and refused").isEqualTo(403);
		assertThat(http("OPTIONS", gateway("/hello"), null).statusCode()).isEqualTo(501);
		assertThat(http("PUT", gateway("/echo"), "x", "Content-Type", "application/x-unknown").statusCode())
			.isEqualTo(415);
		assertThat(http("GET", "/coap/", null).statusCode()).isEqualTo(400);
		assertThat(http("GET", "/coap/127.0.0.1:0/hello", null).statusCode()).isEqualTo(400);
	}

}
