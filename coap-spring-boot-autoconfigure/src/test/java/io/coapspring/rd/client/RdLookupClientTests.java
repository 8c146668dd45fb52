package io.coapspring.rd.client;

import java.time.Duration;
import java.util.List;

import io.coapspring.client.CoapOperations;
import io.coapspring.client.discovery.WebLink;
import io.coapspring.rd.RdTestNode;
import io.coapspring.server.context.LocalCoapPort;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link RdLookupClient} against a directory over real sockets: endpoints and resources as web links with absolute
 * URIs, filters, discovery of the lookup interfaces, and a request to a resource found that way.
 */
@SpringBootTest(classes = RdLookupClientTests.DirectoryApplication.class,
		properties = { "coap.server.port=0", "coap.rd.server.enabled=true", "spring.main.banner-mode=off" })
class RdLookupClientTests {

	@LocalCoapPort
	int port;

	@Autowired
	CoapOperations coap;

	@Autowired
	RdResourceFinder finder;

	RdTestNode kitchen;

	RdTestNode garden;

	@BeforeEach
	void register() {
		this.kitchen = new RdTestNode();
		this.garden = new RdTestNode();
		assertThat(this.kitchen.send(Code.POST, directory() + "/rd", List.of("ep=kitchen", "d=home"),
				"</sensors/temp>;rt=\"temperature-c\";if=sensor;obs,</light>;rt=\"light-lux\"").getCode())
			.isEqualTo(ResponseCode.CREATED);
		assertThat(this.garden.send(Code.POST, directory() + "/rd", List.of("ep=garden"),
				"</sensors/temp>;rt=\"temperature-c\"").getCode())
			.isEqualTo(ResponseCode.CREATED);
	}

	@AfterEach
	void close() {
		for (WebLink registration : RdLookupClient.create(this.coap, directory()).lookupEndpoints("")) {
			this.coap.delete(registration.getUri().toString());
		}
		this.kitchen.close();
		this.garden.close();
	}

	private String directory() {
		return "coap://127.0.0.1:" + this.port;
	}

	@Test
	void everyNodeWithAResourceTypeIsOneCall() {
		RdLookupClient rd = RdLookupClient.create(this.coap, directory());
		List<WebLink> thermometers = rd.lookupResources("rt=temperature-c");
		assertThat(thermometers).extracting((link) -> link.getUri().toString())
			.containsExactly("coap://127.0.0.1:" + this.kitchen.getPort() + "/sensors/temp",
					"coap://127.0.0.1:" + this.garden.getPort() + "/sensors/temp");
		assertThat(thermometers.get(0).getResourceTypes()).containsExactly("temperature-c");
		assertThat(thermometers.get(0).getInterfaces()).containsExactly("sensor");
		assertThat(thermometers.get(0).isObservable()).isTrue();
		// the URIs are usable as they are
		assertThat(this.coap.getForObject(thermometers.get(1).getUri(), String.class)).isEqualTo("21.5");
		assertThat(rd.lookupResources("rt=temperature-c&d=home")).hasSize(1);
		assertThat(rd.lookupResources("rt=light*")).singleElement()
			.satisfies((link) -> assertThat(link.getUri().getPath()).isEqualTo("/light"));
		assertThat(rd.lookupResources("")).hasSize(3);
		assertThat(rd.lookupResources("rt=nothing")).isEmpty();
	}

	@Test
	void endpointsAreLinksToTheirRegistrationsWithTheirParameters() {
		RdLookupClient rd = RdLookupClient.create(this.coap, directory() + "/rd-lookup/ep",
				directory() + "/rd-lookup/res");
		List<WebLink> endpoints = rd.lookupEndpoints("rt=light-lux");
		assertThat(endpoints).singleElement().satisfies((endpoint) -> {
			assertThat(endpoint.getUri().toString()).startsWith(directory() + "/rd/");
			assertThat(endpoint.getAttribute("ep")).isEqualTo("kitchen");
			assertThat(endpoint.getAttribute("d")).isEqualTo("home");
			assertThat(endpoint.getAttribute("base")).isEqualTo("coap://127.0.0.1:" + this.kitchen.getPort());
			assertThat(endpoint.getResourceTypes()).containsExactly("core.rd-ep");
		});
		assertThat(rd.lookupEndpoints("ep=*")).hasSize(2);
		assertThat(rd.lookupEndpoints("page=1&count=1")).singleElement()
			.satisfies((endpoint) -> assertThat(endpoint.getAttribute("ep")).isEqualTo("garden"));
	}

	@Test
	void theResourceFinderOfAnApplicationRunningADirectoryAsksIt() {
		assertThat(this.finder.getMode()).isEqualTo(RdLookupMode.AUTO);
		assertThat(this.finder.getDirectory()).hasToString(directory());
		List<WebLink> thermometers = this.finder.findResources("rt=temperature-c");
		assertThat(thermometers).extracting((link) -> link.getUri().toString())
			.containsExactly("coap://127.0.0.1:" + this.kitchen.getPort() + "/sensors/temp",
					"coap://127.0.0.1:" + this.garden.getPort() + "/sensors/temp");
		for (WebLink thermometer : thermometers) {
			assertThat(this.coap.getForObject(thermometer.getUri(), String.class)).isEqualTo("21.5");
		}
		// registration parameters filter too, in a directory
		assertThat(this.finder.findResources("rt=temperature-c&ep=garden")).singleElement()
			.satisfies((link) -> assertThat(link.getUri().getPort()).isEqualTo(this.garden.getPort()));
		assertThat(this.finder.findResources("")).hasSize(3);
	}

	@Test
	void aFinderInDirectoryModeAsksTheDirectoryItIsGiven() {
		RdResourceFinder finder = new RdResourceFinder(this.coap, () -> RdLookupClient.create(this.coap, directory()),
				"coap://224.0.1.187", Duration.ofSeconds(1), RdLookupMode.DIRECTORY);
		assertThat(finder.findResources("rt=light*")).singleElement()
			.satisfies((link) -> assertThat(link.getUri())
				.hasToString("coap://127.0.0.1:" + this.kitchen.getPort() + "/light"));
		assertThat(finder.findResources("rt=nothing")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> finder.findResources("rt"))
			.withMessageContaining("name=value");
	}

	@Test
	void aHostWithoutDirectoryIsReported() {
		RdTestNode plain = new RdTestNode();
		try {
			RdLookupClient rd = RdLookupClient.create(this.coap, "coap://127.0.0.1:" + plain.getPort());
			assertThatIllegalStateException().isThrownBy(() -> rd.lookupResources("rt=x"))
				.withMessageContaining("rt=core.rd-lookup-res");
		}
		finally {
			plain.close();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class DirectoryApplication {

	}

}
