package io.coapspring.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.KeyPairGenerator;
import java.security.Principal;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;

import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.eclipse.californium.elements.auth.RawPublicKeyIdentity;
import org.eclipse.californium.elements.auth.X509CertPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapPeerIdentity}.
 */
class CoapPeerIdentityTests {

	private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 40000);

	@Test
	void preSharedKeyIsNamedByItsIdentity() {
		PreSharedKeyIdentity psk = new PreSharedKeyIdentity("device-1");
		CoapPeerIdentity identity = CoapPeerIdentity.of(psk);
		assertThat(identity).isNotNull();
		assertThat(identity.getName()).isEqualTo("device-1");
		assertThat(identity.getType()).isEqualTo(CoapPeerIdentity.Type.PRE_SHARED_KEY);
		assertThat(identity.getVirtualHost()).isNull();
		assertThat(identity.getPublicKey()).isNull();
		assertThat(identity.getCertificates()).isEmpty();
		assertThat(identity.getPrincipal()).isSameAs(psk);
	}

	@Test
	void scopedPreSharedKeyIsNamedByItsIdentityNotCaliforniumsHostColonForm() {
		PreSharedKeyIdentity psk = new PreSharedKeyIdentity("sensors.example", "device-1");
		assertThat(psk.getName()).isEqualTo("sensors.example:device-1");
		CoapPeerIdentity identity = CoapPeerIdentity.of(psk);
		assertThat(identity.getName()).isEqualTo("device-1");
		assertThat(identity.getVirtualHost()).isEqualTo("sensors.example");
	}

	@Test
	void certificateIsNamedBySubjectDn() throws IOException {
		List<X509Certificate> chain = certificates("dtls/client.pem");
		CoapPeerIdentity identity = CoapPeerIdentity.of(X509CertPath.fromCertificatesChain(chain));
		assertThat(identity.getType()).isEqualTo(CoapPeerIdentity.Type.X509_CERTIFICATE);
		assertThat(identity.getName()).isEqualTo("CN=device-7");
		assertThat(identity.getCertificates()).containsExactlyElementsOf(chain);
		assertThat(identity.getPublicKey()).isEqualTo(chain.get(0).getPublicKey());
	}

	@Test
	void rawPublicKeyIsNamedByItsNamedInformationUri() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		PublicKey key = generator.generateKeyPair().getPublic();
		CoapPeerIdentity identity = CoapPeerIdentity.of(new RawPublicKeyIdentity(key));
		assertThat(identity.getType()).isEqualTo(CoapPeerIdentity.Type.RAW_PUBLIC_KEY);
		assertThat(identity.getName()).startsWith("ni:///sha-256;");
		assertThat(identity.getPublicKey()).isEqualTo(key);
	}

	@Test
	void otherPrincipalKeepsItsName() {
		Principal principal = () -> "someone";
		CoapPeerIdentity identity = CoapPeerIdentity.of(principal);
		assertThat(identity.getType()).isEqualTo(CoapPeerIdentity.Type.OTHER);
		assertThat(identity.getName()).isEqualTo("someone");
		assertThat(CoapPeerIdentity.of(identity)).isSameAs(identity);
	}

	@Test
	void requestFromEndpointContextWithIdentity() {
		Request request = Request.newGet();
		request.setSourceContext(new AddressEndpointContext(PEER, new PreSharedKeyIdentity("device-2")));
		assertThat(CoapPeerIdentity.of(request).getName()).isEqualTo("device-2");
	}

	@Test
	void unauthenticatedPeerHasNoIdentity() {
		Request request = Request.newGet();
		request.setSourceContext(new AddressEndpointContext(PEER));
		assertThat(CoapPeerIdentity.of(request)).isNull();
		assertThat(CoapPeerIdentity.of((Principal) null)).isNull();
	}

	@Test
	void equalityFollowsThePrincipal() {
		assertThat(CoapPeerIdentity.of(new PreSharedKeyIdentity("a")))
			.isEqualTo(CoapPeerIdentity.of(new PreSharedKeyIdentity("a")))
			.hasSameHashCodeAs(CoapPeerIdentity.of(new PreSharedKeyIdentity("a")))
			.isNotEqualTo(CoapPeerIdentity.of(new PreSharedKeyIdentity("b")));
	}

	private static List<X509Certificate> certificates(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return PemContent.load(in).getCertificates();
		}
	}

}
