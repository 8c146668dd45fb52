package io.coapspring.autoconfigure;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.coapspring.server.CoapUdpConnectorFactory;
import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;
import io.coapspring.server.multicast.MulticastMembership;
import io.coapspring.server.multicast.MulticastUdpConnectorFactory;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.UDPConnector;
import org.eclipse.californium.elements.UdpMulticastConnector;
import org.eclipse.californium.elements.config.Configuration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapMulticastAutoConfiguration}. No multicast group is joined here, in the machine's own
 * network namespace: contexts that enable multicast leave the server auto-configuration out, so nothing is
 * bound; {@code MulticastGroupsNamespaceTests} runs multicast servers inside namespaces it creates.
 *
 * @author CoAP Spring Boot team
 */
class CoapMulticastAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class, CoapMulticastAutoConfiguration.class));

	@Test
	void disabledByDefault() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(CoapUdpConnectorFactory.class));
	}

	@Test
	void joinsTheAllCoapNodesGroupsOnTheNamedInterface() {
		this.runner.withPropertyValues("coap.multicast.enabled=true", "coap.multicast.interface=lo").run((context) -> {
			MulticastUdpConnectorFactory factory = context.getBean(MulticastUdpConnectorFactory.class);
			assertThat(factory.getPort()).isEqualTo(CoAP.DEFAULT_COAP_PORT);
			assertThat(factory.getMemberships()).isNotEmpty()
				.allSatisfy((membership) -> assertThat(membership.networkInterface().getName()).isEqualTo("lo"));
			assertThat(factory.getMemberships()).map(MulticastMembership::group)
				.contains(CoAP.MULTICAST_IPV4)
				.isSubsetOf(CoAP.MULTICAST_IPV4, CoAP.MULTICAST_IPV6_LINKLOCAL, CoAP.MULTICAST_IPV6_SITELOCAL);
		});
	}

	@Test
	void groupsAndPortAreConfigurable() {
		this.runner
			.withPropertyValues("coap.multicast.enabled=true", "coap.multicast.interface=lo",
					"coap.multicast.groups=239.1.2.3", "coap.multicast.port=15683")
			.run((context) -> {
				MulticastUdpConnectorFactory factory = context.getBean(MulticastUdpConnectorFactory.class);
				assertThat(factory.getPort()).isEqualTo(15683);
				assertThat(factory.getMemberships()).map(MulticastMembership::group)
					.containsExactly(InetAddress.getByName("239.1.2.3"));
			});
	}

	@Test
	void leisureConfiguresCalifornium() {
		this.runner.withPropertyValues("coap.multicast.leisure=750ms")
			.run((context) -> assertThat(context.getBean(Configuration.class).get(CoapConfig.LEISURE,
					TimeUnit.MILLISECONDS)).isEqualTo(750));
	}

	@Test
	void defaultsAreTheRfcOnes() {
		CoapProperties properties = new CoapProperties();
		CoapProperties.Multicast multicast = properties.getMulticast();
		assertThat(multicast.getGroups()).containsExactly(CoAP.MULTICAST_IPV4, CoAP.MULTICAST_IPV6_LINKLOCAL,
				CoAP.MULTICAST_IPV6_SITELOCAL);
		assertThat(multicast.getPort()).isEqualTo(CoAP.DEFAULT_COAP_PORT);
		// RFC 7252 section 8.2: DEFAULT_LEISURE, and Californium's default
		assertThat(multicast.getLeisure().toMillis()).isEqualTo(5000)
			.isEqualTo(new Configuration(CoapConfig.DEFINITIONS).get(CoapConfig.LEISURE, TimeUnit.MILLISECONDS));
		assertThat(properties.getClient().getMulticastWindow()).as("a client waits out the leisure")
			.isGreaterThan(multicast.getLeisure());
	}

	@Test
	void unknownInterfaceFailsStartUp() {
		assertFailure(List.of("coap.multicast.enabled=true", "coap.multicast.interface=nosuch0"),
				"coap.multicast.interface", "there is no network interface named 'nosuch0'");
	}

	@Test
	void unicastGroupFailsStartUp() {
		assertFailure(List.of("coap.multicast.enabled=true", "coap.multicast.groups=10.0.0.1"),
				"coap.multicast.groups", "must be multicast addresses");
	}

	@Test
	void invalidValuesFailStartUp() {
		assertFailure(List.of("coap.multicast.leisure=0s"), "coap.multicast.leisure", "positive");
		assertFailure(List.of("coap.multicast.port=0"), "coap.multicast.port", "between 1 and 65535");
		assertFailure(List.of("coap.multicast.enabled=true", "coap.multicast.interface=lo",
				"coap.server.secure-only=true"), "coap.multicast.enabled", "plain UDP endpoint");
		assertFailure(List.of("coap.multicast.enabled=true", "coap.multicast.interface=lo",
				"coap.server.dtls.enabled=true", "coap.multicast.port=5684"), "coap.multicast.port",
				"must differ from 'coap.server.dtls.port'");
	}

	@Test
	void backsOffFromAUserConnectorFactory() {
		this.runner.withPropertyValues("coap.multicast.enabled=true", "coap.multicast.interface=nosuch0")
			.withBean("userFactory", CoapUdpConnectorFactory.class,
					() -> (address, configuration) -> new UDPConnector(address, configuration))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MulticastUdpConnectorFactory.class)
				.hasSingleBean(CoapUdpConnectorFactory.class));
	}

	@Test
	void backsOffWithoutServer() {
		this.runner.withPropertyValues("coap.multicast.enabled=true", "coap.server.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(CoapUdpConnectorFactory.class));
	}

	@Test
	void backsOffWithoutCaliforniumMulticastSupport() {
		this.runner.withPropertyValues("coap.multicast.enabled=true", "coap.multicast.interface=lo")
			.withClassLoader(new FilteredClassLoader(UdpMulticastConnector.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CoapUdpConnectorFactory.class));
	}

	@Test
	void theServersPlainEndpointUsesTheConnectorFactory() {
		List<InetSocketAddress> bound = new CopyOnWriteArrayList<>();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class, CoapServerAutoConfiguration.class,
					CoapMulticastAutoConfiguration.class))
			.withInitializer(new CoapPortInfoApplicationContextInitializer())
			.withPropertyValues("coap.server.port=0", "coap.server.address=127.0.0.1")
			.withBean(CoapUdpConnectorFactory.class, () -> (address, configuration) -> {
				bound.add(address);
				return new UDPConnector(address, configuration);
			})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(bound).containsExactly(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
				CoapEndpoint endpoint = (CoapEndpoint) context.getBean(CoapServer.class).getEndpoints().get(0);
				assertThat(endpoint.getConnector()).isExactlyInstanceOf(UDPConnector.class);
				assertThat(endpoint.isStarted()).isTrue();
			});
	}

	private void assertFailure(List<String> properties, String name, String reason) {
		this.runner.withPropertyValues(properties.toArray(new String[0])).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(name).hasMessageContaining(reason);
		});
	}

}
