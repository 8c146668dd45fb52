package io.coapspring.security;

import java.net.InetSocketAddress;

import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.EndpointContext;
import org.eclipse.californium.elements.MapBasedEndpointContext;
import org.eclipse.californium.elements.MapBasedEndpointContext.Attributes;
import org.eclipse.californium.elements.UdpEndpointContext;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.eclipse.californium.oscore.OSCoreEndpointContextInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OscoreIdentity} and the {@code OSCORE} type of {@link CoapPeerIdentity}, from the entries
 * Californium's OSCORE layer writes.
 */
class OscoreIdentityTests {

	private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 5683);

	@Test
	void readsTheRecipientIdAndIdContextCfOscoreRecords() {
		EndpointContext context = oscore(new AddressEndpointContext(PEER), "0A", "37CBF3210017A2D3");
		OscoreIdentity identity = OscoreIdentity.of(context);
		assertThat(identity.getRecipientId()).isEqualTo("0a");
		assertThat(identity.getIdContext()).isEqualTo("37cbf3210017a2d3");
		assertThat(identity.getName()).isEqualTo("37cbf3210017a2d3:0a");
		assertThat(CoapPeerIdentity.of(context).getType()).isEqualTo(CoapPeerIdentity.Type.OSCORE);
		assertThat(CoapPeerIdentity.of(context).getPrincipal()).isEqualTo(identity);
	}

	@Test
	void withoutIdContextTheNameIsTheRecipientId() {
		assertThat(OscoreIdentity.of(oscore(new AddressEndpointContext(PEER), "02", "")).getName()).isEqualTo("02");
	}

	@Test
	void oscoreWinsOverTheDtlsIdentityOfTheHop() {
		EndpointContext dtls = new AddressEndpointContext(PEER, new PreSharedKeyIdentity("proxy"));
		assertThat(CoapPeerIdentity.of(dtls).getName()).isEqualTo("proxy");
		assertThat(CoapPeerIdentity.of(oscore(dtls, "02", "")).getName()).isEqualTo("02");
	}

	@Test
	void aContextWithoutOscoreEntriesHasNoOscoreIdentity() {
		assertThat(OscoreIdentity.of(new AddressEndpointContext(PEER))).isNull();
		assertThat(OscoreIdentity.of(null)).isNull();
	}

	@Test
	void aPlainUdpRequestHasNoOscoreIdentityButOneThatOscoreProtectedHas() {
		EndpointContext udp = new UdpEndpointContext(PEER);
		assertThat(OscoreIdentity.of(udp)).isNull();
		assertThat(CoapPeerIdentity.of(udp)).isNull();
		EndpointContext protectedOverUdp = oscore(udp, "0B", "");
		assertThat(OscoreIdentity.of(protectedOverUdp).getName()).isEqualTo("0b");
		assertThat(CoapPeerIdentity.of(protectedOverUdp).getType()).isEqualTo(CoapPeerIdentity.Type.OSCORE);
	}

	private static EndpointContext oscore(EndpointContext context, String recipientId, String idContext) {
		return MapBasedEndpointContext.addEntries(context,
				new Attributes().add(OSCoreEndpointContextInfo.OSCORE_RECIPIENT_ID, recipientId)
					.add(OSCoreEndpointContextInfo.OSCORE_CONTEXT_ID, idContext)
					.add(OSCoreEndpointContextInfo.OSCORE_SENDER_ID, "01"));
	}

}
