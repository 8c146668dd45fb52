package io.coapspring.server.discovery;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.coapspring.client.CoapTemplate;
import io.coapspring.client.discovery.LinkFormatParser;
import io.coapspring.client.discovery.WebLink;
import io.coapspring.server.context.LocalCoapPort;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instances of mappings with path variables in {@code /.well-known/core}, as {@link CoapLinkInstances}
 * beans supply them: concrete, encoded, observable links that route back to their mapping, filtered like every
 * link, and the same through {@link CoapDiscoveryLinks}.
 */
@SpringBootTest(classes = LinkInstancesApplication.class,
		properties = { "coap.server.port=0", "spring.application.name=lab", "spring.main.banner-mode=off" })
class LinkInstancesEndToEndTests {

	@LocalCoapPort
	int port;

	@Autowired
	CoapTemplate coap;

	@Autowired
	CoapDiscoveryLinks discoveryLinks;

	@Autowired
	LinkInstancesApplication.SensorIds sensorIds;

	@Test
	void noTemplateIsListedAndInstancesAreOrdinaryLinks() {
		String document = this.coap.getForObject(node() + "/.well-known/core", String.class);
		assertThat(document).doesNotContain("{").doesNotContain("}").doesNotContain("/hidden");
		assertThat(document)
			.contains("</sensors/a%2Fb>;ct=0;ep=\"lab\";obs;rt=\"temperature-c\";title=\"Temperature\"")
			.contains("</sensors/1>;ct=0;ep=\"lab\";obs;rt=\"temperature-c\";title=\"Kitchen \\\"north\\\"\"")
			.contains("</rooms/attic/lights/4>;anchor=\"/rooms/attic\";ep=\"lab\";obs;rt=\"light dimmable\"");
		assertThat(LinkFormatParser.parse(document, new java.net.InetSocketAddress("127.0.0.1", this.port)))
			.extracting(WebLink::getTarget)
			.contains("/sensors/1", "/sensors/a%2Fb", "/sensors/living%20room", "/sensors/%7Bx%7D", "/sensors/%C3%BC",
					"/sensors/1/celsius", "/sensors/a%2Fb/celsius", "/rooms/hall/lights/3", "/rooms/attic/lights/4",
					"/files/docs/read%20me.txt")
			// no instances for /sensors/{id}/history, a value that does not match \d+, a failing supplier,
			// and the template of a discoverAsTemplate mapping is not listed either
			.noneMatch((target) -> target.contains("history") || target.contains("lights/x")
					|| target.startsWith("/broken") || target.startsWith("/sensors/devices"));
	}

	@Test
	void discoveryReturnsConcreteUrisWithTheirAttributes() {
		Map<String, WebLink> links = this.coap.discover(node())
			.stream()
			.collect(Collectors.toMap(WebLink::getTarget, Function.identity()));
		WebLink slash = links.get("/sensors/a%2Fb");
		assertThat(slash.getUri()).hasToString(node() + "/sensors/a%2Fb");
		assertThat(slash.isObservable()).isTrue();
		assertThat(slash.getResourceTypes()).containsExactly("temperature-c");
		assertThat(slash.getContentFormats()).containsExactly(0);
		assertThat(slash.getAttribute("ep")).isEqualTo("lab");
		assertThat(links.get("/sensors/1").getTitle()).isEqualTo("Kitchen \"north\"");
		assertThat(links.get("/sensors/a%2Fb/celsius").getInterfaces()).containsExactly("sensor");
		assertThat(links.get("/sensors/a%2Fb/celsius").isObservable()).isFalse();
		assertThat(links.get("/rooms/attic/lights/4").getResourceTypes()).containsExactly("light", "dimmable");
		// every link routes back to its mapping, with the value as supplied
		for (String id : List.of("1", "a/b", "living room", "{x}", "ü")) {
			WebLink link = links.values()
				.stream()
				.filter((candidate) -> candidate.getTarget().startsWith("/sensors/")
						&& candidate.getResourceTypes().contains("temperature-c")
						&& this.coap.getForObject(candidate.getUri(), String.class).equals(id))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no link routes to sensor '" + id + "'"));
			assertThat(link.getUri().getRawPath()).doesNotContain("{").doesNotContain(" ");
		}
		assertThat(this.coap.getForObject(links.get("/files/docs/read%20me.txt").getUri(), String.class))
			.isEqualTo("docs/read me.txt");
		assertThat(this.coap.getForObject(links.get("/rooms/hall/lights/3").getUri(), String.class))
			.isEqualTo("hall/3");
	}

	@Test
	void instancesAreFilteredLikeEveryLink() {
		assertThat(targets("rt=temperature-c")).containsExactlyInAnyOrder("/sensors/1", "/sensors/a%2Fb",
				"/sensors/living%20room", "/sensors/%7Bx%7D", "/sensors/%C3%BC");
		assertThat(targets("rt=dim*")).containsExactly("/rooms/attic/lights/4");
		assertThat(targets("href=/sensors/a%2Fb")).containsExactly("/sensors/a%2Fb");
		assertThat(targets("href=/rooms/*")).containsExactlyInAnyOrder("/rooms/hall/lights/3", "/rooms/attic/lights/4");
		assertThat(targets("title=Kitchen*")).containsExactly("/sensors/1");
		assertThat(targets("href=/sensors/devices*")).isEmpty();
		// the server filters as well: the document itself holds only the matching links
		assertThat(this.coap.getForObject(node() + "/.well-known/core?rt=celsius", String.class).split(","))
			.hasSize(5)
			.allSatisfy((link) -> assertThat(link).contains("/celsius>"));
	}

	@Test
	void instancesAreAskedForOnEveryDiscovery() {
		assertThat(targets("href=/sensors/9")).isEmpty();
		this.sensorIds.ids.add("9");
		try {
			assertThat(targets("href=/sensors/9")).containsExactly("/sensors/9");
		}
		finally {
			this.sensorIds.ids.remove("9");
		}
		assertThat(targets("href=/sensors/9")).isEmpty();
	}

	@Test
	void discoveryLinksBeanHoldsWhatDiscoveryServes() {
		String served = this.coap.getForObject(node() + "/.well-known/core", String.class);
		assertThat(this.discoveryLinks.toLinkFormat(List.of())).isEqualTo(served);
		assertThat(this.discoveryLinks.getLinks(List.of("rt=light")))
			.extracting(org.eclipse.californium.core.WebLink::getURI)
			.containsExactly("/rooms/attic/lights/4", "/rooms/hall/lights/3");
		assertThat(this.discoveryLinks.getEndpointName()).isEqualTo(new CoapEndpointName("lab"));
	}

	private List<String> targets(String filter) {
		return this.coap.discover(node(), filter).stream().map(WebLink::getTarget).toList();
	}

	private String node() {
		return "coap://127.0.0.1:" + this.port;
	}

}
