package io.coapspring.server.discovery;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

import io.coapspring.client.CoapTemplate;
import io.coapspring.client.discovery.CoapNode;
import io.coapspring.client.discovery.WebLink;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.context.LocalCoapPort;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node name, from {@code spring.application.name}, in {@code /.well-known/core} over unicast, and
 * {@link CoapTemplate#discoverNode} and {@link CoapTemplate#discoverNodes} against one node.
 */
@SpringBootTest(classes = NamedNodeApplication.class,
		properties = { "coap.server.port=0", "spring.application.name=kitchen", "spring.main.banner-mode=off" })
class NodeNameEndToEndTests {

	@LocalCoapPort
	int port;

	@Autowired
	CoapTemplate coap;

	@Test
	void everyLinkCarriesTheNodeName() {
		List<WebLink> links = this.coap.discover(node());
		assertThat(links).extracting(WebLink::getTarget).contains("/temperature", "/fails");
		assertThat(links).allSatisfy((link) -> assertThat(link.getAttribute("ep")).isEqualTo("kitchen"));
		String document = this.coap.getForObject(node() + "/.well-known/core", String.class);
		assertThat(document).contains("</temperature>;ep=\"kitchen\";rt=\"temperature-c\"");
	}

	@Test
	void theNameFiltersLikeAnyAttribute() {
		assertThat(this.coap.discover(node(), "ep=kitchen")).hasSizeGreaterThanOrEqualTo(2);
		assertThat(this.coap.discover(node(), "ep=kit*")).hasSizeGreaterThanOrEqualTo(2);
		// a unicast request that matches nothing is answered, with an empty document
		CoapResponseEntity<String> other = this.coap.getForEntity(node() + "/.well-known/core?ep=garage",
				String.class);
		assertThat(other.getCode()).isEqualTo(ResponseCode.CONTENT);
		assertThat(other.getBody()).isNullOrEmpty();
		assertThat(this.coap.discover(node(), "ep=garage")).isEmpty();
	}

	@Test
	void discoverNodeByNameReturnsItsAddress() throws Exception {
		Optional<CoapNode> node = this.coap.discoverNode(node(), "kitchen");
		InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), this.port);
		assertThat(node).hasValueSatisfying((found) -> {
			assertThat(found.name()).isEqualTo("kitchen");
			assertThat(found.address()).isEqualTo(address);
			assertThat(found.links()).extracting(WebLink::getTarget).contains("/temperature");
			assertThat(found.uri()).hasToString("coap://127.0.0.1:" + this.port);
		});
		assertThat(this.coap.getForObject(node.get().uri().resolve("/temperature"), String.class)).isEqualTo("21.5");
		assertThat(this.coap.discoverNode(node(), "garage")).isEmpty();
	}

	@Test
	void discoverNodesGroupsTheLinksOfANode() {
		List<CoapNode> nodes = this.coap.discoverNodes(node());
		assertThat(nodes).singleElement().satisfies((node) -> {
			assertThat(node.name()).isEqualTo("kitchen");
			assertThat(node.address().getPort()).isEqualTo(this.port);
		});
		assertThat(this.coap.discoverNodes(node(), "rt=broken", java.time.Duration.ofSeconds(1))).singleElement()
			.satisfies((node) -> assertThat(node.links()).extracting(WebLink::getTarget).containsExactly("/fails"));
	}

	private String node() {
		return "coap://127.0.0.1:" + this.port;
	}

}
