package io.coapspring.autoconfigure;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.coapspring.autoconfigure.CoapProperties.ClientAuth;
import io.coapspring.autoconfigure.CoapProperties.Dtls;
import io.coapspring.security.CoapPskStore;
import io.coapspring.security.InMemoryCoapPskStore;
import io.coapspring.server.dtls.CoapDtlsConnectorConfigCustomizer;
import io.coapspring.server.dtls.CoapPskStoreAdapter;
import org.eclipse.californium.elements.auth.RawPublicKeyIdentity;
import org.eclipse.californium.elements.config.CertificateAuthenticationMode;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.TimeDefinition;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConfig.DtlsRole;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.CertificateType;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite;
import org.eclipse.californium.scandium.dtls.cipher.CipherSuite.CertificateKeyAlgorithm;
import org.eclipse.californium.scandium.dtls.x509.SingleCertificateProvider;
import org.eclipse.californium.scandium.dtls.x509.StaticNewAdvancedCertificateVerifier;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.Assert;

/**
 * Builds the {@link DtlsConnectorConfig} of the server's DTLS endpoint from {@code coap.server.dtls.*}: the
 * bind address, the server role with the stateless cookie exchange (HelloVerifyRequest) kept on, handshake
 * and session settings, and the credentials (pre-shared keys, an SSL bundle's key and trust, trusted raw
 * public keys).
 * <p>
 * Every inconsistency Scandium would reject, and some it would silently accept, fails with an
 * {@link InvalidConfigurationPropertyValueException} that names the property to change.
 *
 * @author CoAP Spring Boot team
 */
final class DtlsConnectorConfigFactory {

	private static final String PREFIX = "coap.server.dtls.";

	private final Configuration configuration;

	private final CoapProperties properties;

	private final @Nullable CoapPskStore pskStoreBean;

	private final @Nullable SslBundles sslBundles;

	private final ResourceLoader resourceLoader;

	private final List<CoapDtlsConnectorConfigCustomizer> customizers;

	DtlsConnectorConfigFactory(Configuration configuration, CoapProperties properties,
			@Nullable CoapPskStore pskStoreBean, @Nullable SslBundles sslBundles, ResourceLoader resourceLoader,
			List<CoapDtlsConnectorConfigCustomizer> customizers) {
		Assert.notNull(configuration, "'configuration' must not be null");
		Assert.notNull(properties, "'properties' must not be null");
		Assert.notNull(resourceLoader, "'resourceLoader' must not be null");
		Assert.notNull(customizers, "'customizers' must not be null");
		this.configuration = configuration;
		this.properties = properties;
		this.pskStoreBean = pskStoreBean;
		this.sslBundles = sslBundles;
		this.resourceLoader = resourceLoader;
		this.customizers = List.copyOf(customizers);
	}

	DtlsConnectorConfig create() {
		Dtls dtls = this.properties.getServer().getDtls();
		DtlsConnectorConfig.Builder builder = DtlsConnectorConfig.builder(this.configuration);
		builder.setAddress(bindAddress(this.properties.getServer().getAddress(), dtls.getPort()));
		builder.setLoggingTag("coaps");
		applySettings(dtls, builder);
		CoapPskStore pskStore = pskStore(dtls);
		SslBundleDtlsCredentials credentials = (dtls.getSslBundle() != null)
				? SslBundleDtlsCredentials.load(this.sslBundles, dtls.getSslBundle()) : null;
		List<RawPublicKeyIdentity> trustedKeys = TrustedPublicKeysParser.parse(dtls.getRpk().getTrustedKeys(),
				this.resourceLoader);
		if (pskStore == null && credentials == null) {
			throw new InvalidConfigurationPropertyValueException(PskIdentitiesParser.PROPERTY, "{}",
					"DTLS is enabled but has no credentials: set pre-shared keys with '" + PskIdentitiesParser.PROPERTY
							+ ".<identity>', define a CoapPskStore bean, or name an SSL bundle with '"
							+ SslBundleDtlsCredentials.PROPERTY + "'");
		}
		List<CertificateType> certificateTypes = certificateTypes(dtls);
		if (!trustedKeys.isEmpty()) {
			if (credentials == null) {
				throw new InvalidConfigurationPropertyValueException(TrustedPublicKeysParser.PROPERTY,
						dtls.getRpk().getTrustedKeys(), "raw public key handshakes need the server's own key pair: "
								+ "name an SSL bundle with '" + SslBundleDtlsCredentials.PROPERTY + "'");
			}
			if (!certificateTypes.contains(CertificateType.RAW_PUBLIC_KEY)) {
				throw new InvalidConfigurationPropertyValueException(PREFIX + "certificate-types",
						dtls.getCertificateTypes(), "trusted raw public keys are configured in '"
								+ TrustedPublicKeysParser.PROPERTY + "', so the types must include 'raw-public-key'");
			}
		}
		List<CipherSuite> cipherSuites = cipherSuites(dtls, pskStore, credentials);
		if (!cipherSuites.isEmpty()) {
			builder.setAsList(DtlsConfig.DTLS_CIPHER_SUITES, cipherSuites.toArray(CipherSuite[]::new));
			if (cipherSuites.stream().anyMatch((suite) -> !suite.isRecommended())) {
				builder.set(DtlsConfig.DTLS_RECOMMENDED_CIPHER_SUITES_ONLY, false);
			}
		}
		if (pskStore != null) {
			builder.setAdvancedPskStore(new CoapPskStoreAdapter(pskStore));
		}
		if (credentials != null) {
			applyCertificates(dtls, credentials, trustedKeys, certificateTypes, builder);
		}
		this.customizers.forEach((customizer) -> customizer.customize(builder));
		try {
			return builder.build();
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "enabled", true,
					"the DTLS configuration is inconsistent: " + ex.getMessage());
		}
	}

	private static InetSocketAddress bindAddress(@Nullable InetAddress address, int port) {
		return (address != null) ? new InetSocketAddress(address, port) : new InetSocketAddress(port);
	}

	private void applySettings(Dtls dtls, DtlsConnectorConfig.Builder builder) {
		builder.set(DtlsConfig.DTLS_ROLE, DtlsRole.SERVER_ONLY);
		// the stateless cookie exchange keeps spoofed ClientHellos from amplifying traffic or creating state
		builder.set(DtlsConfig.DTLS_USE_HELLO_VERIFY_REQUEST, true);
		builder.set(DtlsConfig.DTLS_USE_HELLO_VERIFY_REQUEST_FOR_PSK, true);
		builder.set(DtlsConfig.DTLS_CLIENT_AUTHENTICATION_MODE, switch (dtls.getClientAuth()) {
			case NONE -> CertificateAuthenticationMode.NONE;
			case WANTED -> CertificateAuthenticationMode.WANTED;
			case NEEDED -> CertificateAuthenticationMode.NEEDED;
		});
		builder.set(DtlsConfig.DTLS_CONNECTION_ID_LENGTH, dtls.getConnectionIdLength());
		if (dtls.getMaxTransmissionUnit() != null) {
			builder.set(DtlsConfig.DTLS_MAX_TRANSMISSION_UNIT, Math.toIntExact(dtls.getMaxTransmissionUnit().toBytes()));
		}
		int connectorThreads = (dtls.getConnectorThreads() > 0) ? dtls.getConnectorThreads()
				: Runtime.getRuntime().availableProcessors();
		builder.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, connectorThreads);
		builder.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, dtls.getReceiverThreads());
		Dtls.Handshake handshake = dtls.getHandshake();
		setTime(builder, DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, handshake.getRetransmissionTimeout());
		setTime(builder, DtlsConfig.DTLS_MAX_RETRANSMISSION_TIMEOUT, handshake.getMaxRetransmissionTimeout());
		builder.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, handshake.getMaxRetransmissions());
		builder.set(DtlsConfig.DTLS_MAX_PENDING_HANDSHAKE_RESULT_JOBS, handshake.getMaxPendingResults());
		Dtls.Session session = dtls.getSession();
		builder.set(DtlsConfig.DTLS_MAX_CONNECTIONS, session.getMaxConnections());
		setTime(builder, DtlsConfig.DTLS_STALE_CONNECTION_THRESHOLD, session.getStaleConnectionThreshold());
		builder.set(DtlsConfig.DTLS_SERVER_USE_SESSION_ID, session.isResumption());
	}

	private static void setTime(DtlsConnectorConfig.Builder builder, TimeDefinition definition, Duration value) {
		builder.set(definition, value.toMillis(), TimeUnit.MILLISECONDS);
	}

	private @Nullable CoapPskStore pskStore(Dtls dtls) {
		InMemoryCoapPskStore fromProperties = PskIdentitiesParser.parse(dtls.getPsk().getIdentities());
		if (this.pskStoreBean != null) {
			if (!fromProperties.isEmpty()) {
				throw new InvalidConfigurationPropertyValueException(PskIdentitiesParser.PROPERTY,
						fromProperties.getIdentities(), "a CoapPskStore bean is defined too: keep the keys in one place, "
								+ "either the bean or the property");
			}
			return this.pskStoreBean;
		}
		return fromProperties.isEmpty() ? null : fromProperties;
	}

	private static List<CertificateType> certificateTypes(Dtls dtls) {
		if (dtls.getCertificateTypes().isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "certificate-types", "[]",
					"name at least one of 'x509' and 'raw-public-key'");
		}
		return dtls.getCertificateTypes()
			.stream()
			.distinct()
			.map((type) -> switch (type) {
				case X509 -> CertificateType.X_509;
				case RAW_PUBLIC_KEY -> CertificateType.RAW_PUBLIC_KEY;
			})
			.toList();
	}

	private static List<CipherSuite> cipherSuites(Dtls dtls, @Nullable CoapPskStore pskStore,
			@Nullable SslBundleDtlsCredentials credentials) {
		String property = PREFIX + "cipher-suites";
		List<CipherSuite> suites = new ArrayList<>();
		boolean psk = false;
		boolean certificate = false;
		for (String name : dtls.getCipherSuites()) {
			CipherSuite suite = CipherSuite.getTypeByName(name.strip());
			if (suite == null || !suite.isValidForNegotiation()) {
				throw new InvalidConfigurationPropertyValueException(property, name,
						"unknown cipher suite; Scandium supports " + supportedNames());
			}
			if (!suite.isSupported()) {
				throw new InvalidConfigurationPropertyValueException(property, name,
						"the cipher suite is not supported by this JVM's cryptography providers");
			}
			if (suite.isPskBased()) {
				psk = true;
				if (pskStore == null) {
					throw new InvalidConfigurationPropertyValueException(property, name,
							"a PSK cipher suite needs pre-shared keys: set '" + PskIdentitiesParser.PROPERTY
									+ ".<identity>' or define a CoapPskStore bean");
				}
			}
			else if (suite.requiresServerCertificateMessage()) {
				certificate = true;
				checkCertificateSuite(property, name, suite, credentials);
			}
			suites.add(suite);
		}
		if (!suites.isEmpty()) {
			if (pskStore != null && !psk) {
				throw new InvalidConfigurationPropertyValueException(property, dtls.getCipherSuites(),
						"pre-shared keys are configured but no PSK cipher suite is listed");
			}
			if (credentials != null && !certificate) {
				throw new InvalidConfigurationPropertyValueException(property, dtls.getCipherSuites(),
						"SSL bundle '" + credentials.bundleName()
								+ "' is configured but no certificate-based (ECDHE_ECDSA or ECDHE_RSA) cipher suite is listed");
			}
		}
		return suites;
	}

	private static void checkCertificateSuite(String property, String name, CipherSuite suite,
			@Nullable SslBundleDtlsCredentials credentials) {
		if (credentials == null) {
			throw new InvalidConfigurationPropertyValueException(property, name,
					"a certificate-based cipher suite needs the server's key and certificate: name an SSL bundle with '"
							+ SslBundleDtlsCredentials.PROPERTY + "'");
		}
		PublicKey key = credentials.certificateChain()[0].getPublicKey();
		CertificateKeyAlgorithm needed = suite.getCertificateKeyAlgorithm();
		if (!needed.isCompatible(key)) {
			throw new InvalidConfigurationPropertyValueException(property, name,
					"the cipher suite needs " + (needed == CertificateKeyAlgorithm.EC ? "an EC" : "an " + needed)
							+ " key, but SSL bundle '" + credentials.bundleName() + "' holds a " + key.getAlgorithm()
							+ " key");
		}
	}

	private static String supportedNames() {
		List<String> names = new ArrayList<>();
		for (CipherSuite suite : CipherSuite.getCipherSuites(false, true)) {
			names.add(suite.name());
		}
		return String.join(", ", names);
	}

	private static void applyCertificates(Dtls dtls, SslBundleDtlsCredentials credentials,
			List<RawPublicKeyIdentity> trustedKeys, List<CertificateType> certificateTypes,
			DtlsConnectorConfig.Builder builder) {
		builder.setAsList(DtlsConfig.DTLS_CERTIFICATE_TYPES, certificateTypes.toArray(CertificateType[]::new));
		try {
			builder.setCertificateIdentityProvider(new SingleCertificateProvider(credentials.privateKey(),
					credentials.certificateChain(), certificateTypes));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(SslBundleDtlsCredentials.PROPERTY,
					credentials.bundleName(), "the bundle's key cannot be used for DTLS: " + ex.getMessage());
		}
		if (dtls.getClientAuth() == ClientAuth.NONE) {
			return;
		}
		boolean trustsCertificates = certificateTypes.contains(CertificateType.X_509)
				&& !credentials.trustedCertificates().isEmpty();
		if (!trustsCertificates && trustedKeys.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "client-auth", dtls.getClientAuth(),
					"client authentication needs trusted client credentials: add CA certificates to the trust store of SSL bundle '"
							+ credentials.bundleName() + "' or raw public keys to '" + TrustedPublicKeysParser.PROPERTY
							+ "', or set 'coap.server.dtls.client-auth=none'");
		}
		List<CertificateType> verifiedTypes = new ArrayList<>();
		StaticNewAdvancedCertificateVerifier.Builder verifier = StaticNewAdvancedCertificateVerifier.builder();
		for (CertificateType type : certificateTypes) {
			if (type == CertificateType.X_509 && trustsCertificates) {
				// never an empty array: Scandium reads that as "trust every certificate"
				verifier.setTrustedCertificates(credentials.trustedCertificates().toArray(X509Certificate[]::new));
				verifiedTypes.add(type);
			}
			else if (type == CertificateType.RAW_PUBLIC_KEY && !trustedKeys.isEmpty()) {
				verifier.setTrustedRPKs(trustedKeys.toArray(RawPublicKeyIdentity[]::new));
				verifiedTypes.add(type);
			}
		}
		verifier.setSupportedCertificateTypes(verifiedTypes);
		builder.setAdvancedCertificateVerifier(verifier.build());
	}

}
