package io.coapspring.client.service;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.coapspring.annotation.CoapOption;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.annotation.CoapPayload;
import io.coapspring.annotation.CoapQueryParam;
import io.coapspring.client.CoapClientIntegrationTest;
import io.coapspring.client.CoapClientResponseException;
import io.coapspring.client.CoapTemplate;
import io.coapspring.client.Reading;
import io.coapspring.client.RequestLog;
import io.coapspring.client.service.annotation.CoapDeleteExchange;
import io.coapspring.client.service.annotation.CoapExchange;
import io.coapspring.client.service.annotation.CoapFetchExchange;
import io.coapspring.client.service.annotation.CoapGetExchange;
import io.coapspring.client.service.annotation.CoapIPatchExchange;
import io.coapspring.client.service.annotation.CoapPatchExchange;
import io.coapspring.client.service.annotation.CoapPostExchange;
import io.coapspring.client.service.annotation.CoapPutExchange;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.context.LocalCoapPort;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.OptionSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * End-to-end tests of declarative clients created by {@link CoapServiceProxyFactory}.
 */
@CoapClientIntegrationTest
class CoapServiceProxyFactoryTests {

	@Autowired
	private CoapTemplate coap;

	@Autowired
	private CoapServiceProxyFactory autoConfiguredFactory;

	@Autowired
	private RequestLog log;

	@LocalCoapPort
	private int port;

	private Sensors sensors;

	@BeforeEach
	void createClient() {
		CoapTemplate template = this.coap.mutate().baseUri("coap://127.0.0.1:" + this.port).build();
		this.sensors = CoapServiceProxyFactory.builder(template)
			.embeddedValueResolver((value) -> value.replace("${sensors.path}", "sensors"))
			.build()
			.createClient(Sensors.class);
	}

	private OptionSet lastOptions(String marker) {
		List<RequestLog.Entry> entries = this.log.withQuery(marker);
		assertThat(entries).isNotEmpty();
		return entries.get(entries.size() - 1).options();
	}

	@Test
	void pathVariableQueryParamAndPlaceholder() {
		assertThat(this.sensors.read("a b/7", "F")).isEqualTo(new Reading("a b/7", 21.5, "F"));
		assertThat(this.sensors.read("8", null)).isEqualTo(new Reading("8", 21.5, "C"));
	}

	@Test
	void acceptFromTheAnnotation() {
		CoapResponseEntity<Reading> response = this.sensors.readCbor("9");
		assertThat(response.getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_CBOR);
		assertThat(response.getBody()).isEqualTo(new Reading("9", 21.5, "C"));
	}

	@Test
	void payloadWithContentFormatFromTheAnnotation() {
		assertThat(this.sensors.store("3", new Reading("3", 4.5, "C"))).isEqualTo("stored 3=4.5");
		List<RequestLog.Entry> puts = this.log.forPath("sensors/3");
		assertThat(puts.get(puts.size() - 1).options().getContentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_CBOR);
	}

	@Test
	void everyMethod() throws Exception {
		assertThat(this.sensors.post("p")).isEqualTo("POST:p");
		assertThat(this.sensors.fetch("f")).isEqualTo("FETCH:f");
		assertThat(this.sensors.patch("x")).isEqualTo("PATCH:x");
		assertThat(this.sensors.iPatch("y").getCode()).isEqualTo(ResponseCode.CHANGED);
		this.sensors.delete();
		assertThat(this.sensors.hello()).isEqualTo("hello");
	}

	@Test
	void queryParamsFromCollectionsAndMapsAndOptionsByNameAndNumber() {
		this.sensors.withOptions(List.of("a", "b"), Map.of("m", "1"), new byte[] { 9 }, "0xBEEF", Optional.empty());
		OptionSet options = lastOptions("marker=options");
		assertThat(options.getUriQuery()).contains("tag=a", "tag=b", "m=1");
		assertThat(options.getETags()).containsExactly(new byte[] { 9 });
		assertThat(options.getOtherOption(65000).getValue()).containsExactly(0xBE, 0xEF);
		assertThat(options.hasIfNoneMatch()).isFalse();
	}

	@Test
	void nonConfirmableFromTheAnnotation() {
		this.sensors.nonConfirmable();
		List<RequestLog.Entry> entries = this.log.withQuery("marker=non");
		assertThat(entries.get(entries.size() - 1).type()).isEqualTo(Type.NON);
	}

	@Test
	void completableFutures() throws Exception {
		CompletableFuture<String> body = this.sensors.helloAsync();
		assertThat(body.get(5, TimeUnit.SECONDS)).isEqualTo("hello");
		CompletableFuture<CoapResponseEntity<String>> entity = this.sensors.helloEntityAsync();
		assertThat(entity.get(5, TimeUnit.SECONDS).getCode()).isEqualTo(ResponseCode.CONTENT);
	}

	@Test
	void uriArgumentReplacesTheUrl() {
		assertThat(this.sensors.at(URI.create("coap://127.0.0.1:" + this.port + "/echo"))).isEqualTo("hello");
	}

	@Test
	void defaultMethodsAreInvokedAsTheyAre() {
		assertThat(this.sensors.greeting()).isEqualTo("hello!");
		assertThat(this.sensors.toString()).contains(Sensors.class.getName());
	}

	@Test
	void errorsAreNotSilent() {
		assertThatExceptionOfType(CoapClientResponseException.class).isThrownBy(() -> this.sensors.missing())
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.NOT_FOUND));
		assertThatIllegalArgumentException().isThrownBy(() -> this.sensors.store("1", null))
			.withMessageContaining("payload");
		assertThatIllegalArgumentException().isThrownBy(() -> this.sensors.read(null, "F"))
			.withMessageContaining("'id'");
	}

	@Test
	void invalidInterfacesFailWhenTheProxyIsCreated() {
		assertThatIllegalStateException().isThrownBy(() -> this.autoConfiguredFactory.createClient(Unannotated.class))
			.withMessageContaining("exchange annotation");
		assertThatIllegalStateException().isThrownBy(() -> this.autoConfiguredFactory.createClient(NoMethod.class))
			.withMessageContaining("No CoAP method");
		assertThatIllegalStateException()
			.isThrownBy(() -> this.autoConfiguredFactory.createClient(UnknownMethod.class))
			.withMessageContaining("OPTIONS");
	}

	@Test
	void unannotatedParameterIsReportedOnCall() {
		Unresolvable client = this.autoConfiguredFactory.createClient(Unresolvable.class);
		assertThatIllegalStateException().isThrownBy(() -> client.get("x")).withMessageContaining("@CoapPathVariable");
	}

	@Test
	void autoConfiguredFactoryResolvesPlaceholdersFromTheEnvironment() {
		Absolute client = this.autoConfiguredFactory.createClient(Absolute.class);
		assertThat(client.hello()).isEqualTo("hello");
	}

	interface Sensors {

		@CoapGetExchange("/${sensors.path}/{id}")
		Reading read(@CoapPathVariable @Nullable String id, @CoapQueryParam(required = false) @Nullable String unit);

		@CoapGetExchange(url = "/sensors/{id}", accept = "application/cbor")
		CoapResponseEntity<Reading> readCbor(@CoapPathVariable("id") String sensor);

		@CoapPutExchange(value = "/sensors/{id}", contentFormat = "application/cbor")
		String store(@CoapPathVariable String id, @CoapPayload @Nullable Reading reading);

		@CoapPostExchange("/echo")
		String post(@CoapPayload String text);

		@CoapFetchExchange("/echo")
		String fetch(@CoapPayload String text);

		@CoapPatchExchange("/echo")
		String patch(@CoapPayload String text);

		@CoapIPatchExchange("/echo")
		CoapResponseEntity<Void> iPatch(@CoapPayload String text);

		@CoapDeleteExchange("/echo")
		void delete();

		@CoapGetExchange("/echo")
		String hello();

		@CoapGetExchange("/echo?marker=options")
		void withOptions(@CoapQueryParam("tag") List<String> tags, @CoapQueryParam Map<String, String> more,
				@CoapOption("ETag") byte[] etag, @CoapOption(number = 65000) String custom,
				@CoapOption("If-None-Match") Optional<Boolean> ifNoneMatch);

		@CoapGetExchange(value = "/echo?marker=non", type = CoapExchange.MessageType.NON)
		String nonConfirmable();

		@CoapGetExchange("/echo")
		CompletableFuture<String> helloAsync();

		@CoapGetExchange("/echo")
		CompletableFuture<CoapResponseEntity<String>> helloEntityAsync();

		@CoapGetExchange
		String at(URI uri);

		@CoapGetExchange("/error")
		String missing();

		default String greeting() {
			return hello() + "!";
		}

	}

	interface Unannotated {

		String get();

	}

	interface NoMethod {

		@CoapExchange("/x")
		String get();

	}

	interface UnknownMethod {

		@CoapExchange(url = "/x", method = "OPTIONS")
		String get();

	}

	interface Unresolvable {

		@CoapGetExchange("coap://127.0.0.1/x")
		String get(String id);

	}

	@CoapExchange("coap://127.0.0.1:${local.coap.port}")
	interface Absolute {

		@CoapGetExchange("/echo")
		String hello();

	}

}
