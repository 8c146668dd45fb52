package io.coapspring.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.coapspring.client.discovery.WebLink;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.context.LocalCoapPort;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Interoperability of {@link CoapTemplate} with a server nobody here wrote: libcoap's
 * {@code coap-server-notls} (Debian package libcoap3-bin), which serves {@code /}, an observable
 * {@code /time}, {@code /example_data} (PUT but not POST) and {@code /.well-known/core}; {@code -d} lets it
 * create resources on PUT, and {@code -P} makes a second instance a forward proxy.
 */
@CoapClientIntegrationTest
class LibcoapInteropTests {

	private static LibcoapServer libcoap;

	@Autowired
	private CoapTemplate coap;

	@LocalCoapPort
	private int port;

	@BeforeAll
	static void startLibcoap() throws Exception {
		libcoap = LibcoapServer.start("-d", "10");
	}

	@AfterAll
	static void stopLibcoap() throws Exception {
		if (libcoap != null) {
			long pid = libcoap.pid();
			libcoap.close();
			assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
		}
	}

	private void awaitReady(LibcoapServer server) {
		await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> this.coap
			.exchange(CoapRequestEntity.get(server.uri("/")).timeout(Duration.ofMillis(300)).build(), String.class)
			.isSuccess());
	}

	@Test
	void getAndFetch() {
		awaitReady(libcoap);
		assertThat(this.coap.getForObject(libcoap.uri("/"), String.class)).contains("libcoap");
		assertThat(this.coap.getForObject(libcoap.uri("/time"), String.class)).matches("\\w{3} \\d{2} [\\d:]{8}");
		assertThat(this.coap.fetch(libcoap.uri("/time"), null, String.class)).isNotBlank();
		CoapResponseEntity<String> non = this.coap
			.exchange(CoapRequestEntity.get(libcoap.uri("/")).nonConfirmable().build(), String.class);
		assertThat(non.getBody()).contains("libcoap");
	}

	@Test
	void putThenGetAndPostIsNotAllowed() {
		awaitReady(libcoap);
		this.coap.put(libcoap.uri("/example_data"), "from CoapTemplate");
		assertThat(this.coap.getForObject(libcoap.uri("/example_data"), String.class)).isEqualTo("from CoapTemplate");
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> this.coap.postForObject(libcoap.uri("/example_data"), "x", String.class))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.METHOD_NOT_ALLOWED));
	}

	@Test
	void createReadDeleteDynamicResource() {
		awaitReady(libcoap);
		CoapResponseEntity<Void> created = this.coap
			.exchange(CoapRequestEntity.put(libcoap.uri("/dynamic")).body("v1"), Void.class);
		assertThat(created.getCode()).isEqualTo(ResponseCode.CREATED);
		assertThat(this.coap.getForObject(libcoap.uri("/dynamic"), String.class)).isEqualTo("v1");
		this.coap.delete(libcoap.uri("/dynamic"));
		assertThatExceptionOfType(CoapClientResponseException.class)
			.isThrownBy(() -> this.coap.getForObject(libcoap.uri("/dynamic"), String.class))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.NOT_FOUND));
	}

	@Test
	void blockwise64KbBothWays() throws Exception {
		awaitReady(libcoap);
		byte[] body = ClientTestApplication.bigBody();
		this.coap.put(libcoap.uri("/big_data"), body);
		assertThat(this.coap.getForObject(libcoap.uri("/big_data"), byte[].class)).isEqualTo(body);
		assertThat(libcoap.log()).contains("Block1:").contains("Block2:");
	}

	@Test
	void observeTimeThenCancelProactively() throws Exception {
		awaitReady(libcoap);
		List<@Nullable String> ticks = new CopyOnWriteArrayList<>();
		CoapObservation<String> observation = this.coap.observe(libcoap.uri("/time"), String.class, ticks::add);
		// /time notifies once a second
		await().atMost(Duration.ofSeconds(6)).until(() -> ticks.size() >= 3);
		assertThat(ticks).doesNotHaveDuplicates();
		observation.cancel();
		assertThat(observation.isActive()).isFalse();
		await().atMost(Duration.ofSeconds(5)).until(() -> libcoap.log().contains("Observe:1,"));
		int received = ticks.size();
		await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> ticks.size() == received);
	}

	@Test
	void discoverAndFilterByResourceType() {
		awaitReady(libcoap);
		List<WebLink> links = this.coap.discover(libcoap.uri(""));
		assertThat(links).extracting(WebLink::getTarget).contains("/", "/time", "/example_data");
		WebLink time = links.stream().filter((link) -> link.getTarget().equals("/time")).findFirst().orElseThrow();
		assertThat(time.getResourceTypes()).containsExactly("ticks");
		assertThat(time.getInterfaces()).containsExactly("clock");
		assertThat(time.getContentFormats()).containsExactly(0);
		assertThat(time.getTitle()).isEqualTo("Internal Clock");
		assertThat(time.isObservable()).isTrue();
		assertThat(time.getUri()).hasToString(libcoap.uri("/time"));
		assertThat(this.coap.discover(libcoap.uri("/"), "rt=ticks")).extracting(WebLink::getTarget)
			.containsExactly("/time");
	}

	@Test
	void forwardProxyWithProxyUriAndWithProxyScheme() throws Exception {
		try (LibcoapServer proxy = LibcoapServer.start("-P", ",libcoap-proxy")) {
			awaitReady(proxy);
			String target = "coap://127.0.0.1:" + this.port + "/echo";
			String viaProxyUri = this.coap.exchange(
					CoapRequestEntity.post(proxy.uri("")).proxyUri(target + "?t=proxy-uri").body("a"), String.class)
				.getBody();
			assertThat(viaProxyUri).isEqualTo("POST:a");
			String viaProxyScheme = this.coap
				.exchange(CoapRequestEntity.post(target + "?t=proxy-scheme").via(proxy.uri("")).body("b"), String.class)
				.getBody();
			assertThat(viaProxyScheme).isEqualTo("POST:b");
			assertThat(proxy.log()).contains("Proxy-Uri:" + target).contains("Proxy-Scheme:coap");
		}
	}

}
