package io.coapspring.autoconfigure;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.californium.elements.config.CertificateAuthenticationMode;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults of {@code coap.server.dtls.*} are Scandium's own, so enabling DTLS changes nothing a user
 * did not ask for (except the server role and the kept cookie exchange).
 */
class CoapPropertiesDtlsDefaultsTests {

	private final CoapProperties.Dtls dtls = new CoapProperties().getServer().getDtls();

	private final Configuration scandium = new Configuration(DtlsConfig.DEFINITIONS);

	@Test
	void defaultsMatchScandium() {
		assertThat(this.dtls.isEnabled()).isFalse();
		assertThat(this.dtls.getPort()).isEqualTo(5684);
		assertThat(this.dtls.getClientAuth().name())
			.isEqualTo(this.scandium.get(DtlsConfig.DTLS_CLIENT_AUTHENTICATION_MODE).name())
			.isEqualTo(CertificateAuthenticationMode.NEEDED.name());
		assertThat(this.dtls.getConnectionIdLength()).isEqualTo(this.scandium.get(DtlsConfig.DTLS_CONNECTION_ID_LENGTH))
			.isNull();
		assertThat(this.dtls.getCipherSuites()).isEmpty();
		assertThat(this.dtls.getCertificateTypes()).containsExactly(CoapProperties.CertificateType.X509);
		CoapProperties.Dtls.Handshake handshake = this.dtls.getHandshake();
		assertThat(handshake.getRetransmissionTimeout().toMillis())
			.isEqualTo(this.scandium.get(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, TimeUnit.MILLISECONDS));
		assertThat(handshake.getMaxRetransmissionTimeout().toMillis())
			.isEqualTo(this.scandium.get(DtlsConfig.DTLS_MAX_RETRANSMISSION_TIMEOUT, TimeUnit.MILLISECONDS));
		assertThat(handshake.getMaxRetransmissions()).isEqualTo(this.scandium.get(DtlsConfig.DTLS_MAX_RETRANSMISSIONS));
		assertThat(handshake.getMaxPendingResults())
			.isEqualTo(this.scandium.get(DtlsConfig.DTLS_MAX_PENDING_HANDSHAKE_RESULT_JOBS));
		CoapProperties.Dtls.Session session = this.dtls.getSession();
		assertThat(session.getMaxConnections()).isEqualTo(this.scandium.get(DtlsConfig.DTLS_MAX_CONNECTIONS));
		assertThat(session.getStaleConnectionThreshold().toSeconds())
			.isEqualTo(this.scandium.get(DtlsConfig.DTLS_STALE_CONNECTION_THRESHOLD, TimeUnit.SECONDS));
		assertThat(session.isResumption()).isEqualTo(this.scandium.get(DtlsConfig.DTLS_SERVER_USE_SESSION_ID));
		assertThat(this.dtls.getMaxTransmissionUnit()).isNull();
		assertThat(this.scandium.get(DtlsConfig.DTLS_MAX_TRANSMISSION_UNIT)).isNull();
		assertThat(this.dtls.getConnectorThreads()).isZero();
		assertThat(this.dtls.getPsk().getIdentities()).isEmpty();
		assertThat(this.dtls.getRpk().getTrustedKeys()).isEqualTo(List.of());
		assertThat(this.scandium.get(DtlsConfig.DTLS_USE_HELLO_VERIFY_REQUEST)).isTrue();
	}

}
