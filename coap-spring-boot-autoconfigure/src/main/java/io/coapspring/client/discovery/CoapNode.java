package io.coapspring.client.discovery;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A node found by resource discovery: its address, its name if it publishes one (the {@code ep} attribute of
 * its links, as CoAP Spring Boot servers do with {@code coap.server.endpoint-name}), and the links it answered
 * with.
 *
 * @param name the node's name, or {@code null} if its links carry no {@code ep} attribute
 * @param address the address and port the node answered from
 * @param links the links the node answered with, in document order
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record CoapNode(@Nullable String name, InetSocketAddress address, List<WebLink> links) {

	/**
	 * Validate the components.
	 */
	public CoapNode {
		Assert.notNull(address, "'address' must not be null");
		Assert.notNull(links, "'links' must not be null");
		links = List.copyOf(links);
	}

	/**
	 * Return the base URI of the node, to send it requests: {@code coap://10.0.0.7:5683} or
	 * {@code coap://[fd00::7]:5683}. A link-local IPv6 address keeps its numeric zone,
	 * {@code coap://[fe80::7%2]:5683}, since it only means something on one interface.
	 * @return the URI, without path
	 */
	public URI uri() {
		InetAddress address = this.address.getAddress();
		String host = address.getHostAddress();
		if (address instanceof Inet6Address ipv6) {
			int zone = host.indexOf('%');
			host = (zone >= 0) ? host.substring(0, zone) : host;
			host = "[" + host + ((ipv6.getScopeId() > 0) ? "%" + ipv6.getScopeId() : "") + "]";
		}
		return URI.create("coap://" + host + ":" + this.address.getPort());
	}

}
