package io.coapspring.client.discovery;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapNode}.
 */
class CoapNodeTests {

	@Test
	void uriOfAnIpv4Node() throws Exception {
		CoapNode node = new CoapNode("node1", new InetSocketAddress(InetAddress.getByName("10.0.0.7"), 5683), List.of());
		assertThat(node.uri()).hasToString("coap://10.0.0.7:5683");
	}

	@Test
	void uriOfAnIpv6NodeIsBracketed() throws Exception {
		CoapNode node = new CoapNode(null, new InetSocketAddress(InetAddress.getByName("fd00::7"), 61616), List.of());
		assertThat(node.uri()).hasToString("coap://[fd00:0:0:0:0:0:0:7]:61616");
		assertThat(node.uri().resolve("/temp")).hasToString("coap://[fd00:0:0:0:0:0:0:7]:61616/temp");
	}

	@Test
	void uriOfALinkLocalNodeKeepsItsNumericZone() throws Exception {
		InetAddress scoped = Inet6Address.getByAddress(null, InetAddress.getByName("fe80::7").getAddress(), 3);
		CoapNode node = new CoapNode("n", new InetSocketAddress(scoped, 5683), List.of());
		assertThat(node.uri()).hasToString("coap://[fe80:0:0:0:0:0:0:7%3]:5683");
		assertThat(node.uri().getHost()).isEqualTo("[fe80:0:0:0:0:0:0:7%3]");
	}

	@Test
	void linksAreCopied() throws Exception {
		InetSocketAddress source = new InetSocketAddress(InetAddress.getByName("10.0.0.7"), 5683);
		List<WebLink> links = new java.util.ArrayList<>(LinkFormatParser.parse("</a>;ep=\"n\"", source));
		CoapNode node = new CoapNode("n", source, links);
		links.clear();
		assertThat(node.links()).hasSize(1);
	}

}
