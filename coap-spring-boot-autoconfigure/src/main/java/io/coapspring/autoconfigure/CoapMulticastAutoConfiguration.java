package io.coapspring.autoconfigure;

import java.net.InetAddress;
import java.util.List;

import io.coapspring.server.CoapUdpConnectorFactory;
import io.coapspring.server.multicast.MulticastMembership;
import io.coapspring.server.multicast.MulticastMemberships;
import io.coapspring.server.multicast.MulticastUdpConnectorFactory;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.elements.UdpMulticastConnector;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of multicast
 * listening: with {@code coap.multicast.enabled=true} the server's plain UDP endpoint also joins the groups of
 * {@code coap.multicast.groups} on {@code coap.multicast.port}, on the interface {@code coap.multicast.interface}
 * or every suitable one, through a {@link MulticastUdpConnectorFactory}. A user's {@link CoapUdpConnectorFactory}
 * bean replaces it.
 * <p>
 * The interfaces are chosen when the context starts: a named interface that does not exist, or no interface
 * suitable for any group, fails start-up with a message naming the property.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = CoapAutoConfiguration.class, before = CoapServerAutoConfiguration.class)
@ConditionalOnClass({ CoapServer.class, UdpMulticastConnector.class })
@ConditionalOnBooleanProperty(name = "coap.server.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("coap.multicast.enabled")
public final class CoapMulticastAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(CoapUdpConnectorFactory.class)
	MulticastUdpConnectorFactory coapMulticastUdpConnectorFactory(CoapProperties properties) {
		new CoapPropertiesValidator(properties).validate();
		if (properties.getServer().isSecureOnly()) {
			throw new InvalidConfigurationPropertyValueException("coap.multicast.enabled", true,
					"multicast needs the plain UDP endpoint, which 'coap.server.secure-only=true' leaves out");
		}
		CoapProperties.Multicast multicast = properties.getMulticast();
		List<MulticastMembership> memberships;
		try {
			memberships = MulticastMemberships.resolve(multicast.getGroups(), multicast.getInterface(),
					multicast.isLoopback());
		}
		catch (IllegalArgumentException ex) {
			if (multicast.getInterface() != null) {
				throw new InvalidConfigurationPropertyValueException("coap.multicast.interface",
						multicast.getInterface(), ex.getMessage());
			}
			throw new InvalidConfigurationPropertyValueException("coap.multicast.groups",
					multicast.getGroups().stream().map(InetAddress::getHostAddress).toList(), ex.getMessage());
		}
		return new MulticastUdpConnectorFactory(memberships, multicast.getPort());
	}

}
