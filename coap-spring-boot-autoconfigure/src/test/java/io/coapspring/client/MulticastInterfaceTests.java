package io.coapspring.client;

import java.net.InetAddress;
import java.time.Duration;

import io.coapspring.server.context.LocalCoapPort;
import io.coapspring.server.discovery.NamedNodeApplication;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The interface multicast requests leave from. Nothing is sent to a group here, in the machine's own network
 * namespace: the endpoints are only created, and a missing interface fails before sending.
 * {@code MulticastGroupsNamespaceTests} sends through {@code br0} inside namespaces it creates.
 */
@SpringBootTest(classes = NamedNodeApplication.class,
		properties = { "coap.server.port=0", "spring.application.name=kitchen", "spring.main.banner-mode=off" })
class MulticastInterfaceTests {

	@LocalCoapPort
	int port;

	@Autowired
	CoapTemplate coap;

	@Test
	void groupsGetAnEndpointPerInterfaceAndUnicastTheSharedOne() throws Exception {
		try (CoapClientEndpoints endpoints = this.coap.getEndpoints().createDedicated()) {
			Endpoint shared = endpoints.getEndpoint(CoAP.MULTICAST_IPV4, 0);
			Endpoint onLoopback = endpoints.getMulticastEndpoint(CoAP.MULTICAST_IPV4, "lo");
			assertThat(onLoopback).isNotSameAs(shared)
				.isSameAs(endpoints.getMulticastEndpoint(CoAP.MULTICAST_IPV4, "lo"));
			assertThat(((CoapEndpoint) onLoopback).getConnector()).isInstanceOf(MulticastInterfaceUdpConnector.class);
			assertThat(endpoints.getMulticastEndpoint(CoAP.MULTICAST_IPV4, null)).isSameAs(shared);
			assertThat(endpoints.getMulticastEndpoint(InetAddress.getByName("127.0.0.1"), "lo")).isSameAs(shared);
			assertThat(endpoints.getMulticastEndpoint(CoAP.MULTICAST_IPV6_SITELOCAL, "lo")).isNotSameAs(onLoopback)
				.isNotSameAs(endpoints.getEndpoint(CoAP.MULTICAST_IPV6_SITELOCAL, 0));
		}
	}

	@Test
	void missingInterfaceFailsTheMulticastRequestBeforeSending() {
		try (CoapTemplate template = this.coap.mutate().dedicatedEndpoints().multicastInterface("nosuch0").build()) {
			assertThatExceptionOfType(CoapClientException.class)
				.isThrownBy(() -> template.discover("coap://224.0.1.187", null, Duration.ofMillis(100)))
				.withMessageContaining("There is no network interface named 'nosuch0'");
			assertThat(template.getEndpoints().getEndpoints()).isEmpty();
			// unicast requests do not use the interface
			assertThat(template.discover("coap://127.0.0.1:" + this.port)).isNotEmpty();
		}
	}

}
