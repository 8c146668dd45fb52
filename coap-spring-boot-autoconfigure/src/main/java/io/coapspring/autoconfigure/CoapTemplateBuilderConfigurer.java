package io.coapspring.autoconfigure;

import java.util.List;

import io.coapspring.client.CoapTemplateBuilder;
import io.coapspring.client.CoapTemplateCustomizer;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Configures a {@link CoapTemplateBuilder} from the {@code coap.client.*} properties, then applies the
 * {@link CoapTemplateCustomizer}s in order. Useful to build a second, differently customized builder with the
 * same defaults as the auto-configured one.
 * <p>
 * The DTLS credentials of {@code coap.client.dtls.*} are checked as they are applied: a secret that is not
 * valid, an identity without a secret or the reverse, or an SSL bundle that does not exist or has no trust
 * store fails with an {@link InvalidConfigurationPropertyValueException} naming the property, and so does a
 * {@code coap.client.tls.ssl-bundle} that does not exist.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapTemplateBuilderConfigurer {

	static final String PSK_IDENTITY = "coap.client.dtls.psk.identity";

	static final String PSK_SECRET = "coap.client.dtls.psk.secret";

	static final String SSL_BUNDLE = "coap.client.dtls.ssl-bundle";

	static final String TLS_SSL_BUNDLE = "coap.client.tls.ssl-bundle";

	private final CoapProperties.Client properties;

	private final List<CoapTemplateCustomizer> customizers;

	private final @Nullable SslBundles sslBundles;

	/**
	 * Create a configurer.
	 * @param properties the client properties
	 * @param customizers the customizers, in order
	 */
	public CoapTemplateBuilderConfigurer(CoapProperties.Client properties, List<CoapTemplateCustomizer> customizers) {
		this(properties, customizers, null);
	}

	/**
	 * Create a configurer that can look up the SSL bundle of {@code coap.client.dtls.ssl-bundle}.
	 * @param properties the client properties
	 * @param customizers the customizers, in order
	 * @param sslBundles the SSL bundles, or {@code null} if there are none
	 */
	public CoapTemplateBuilderConfigurer(CoapProperties.Client properties, List<CoapTemplateCustomizer> customizers,
			@Nullable SslBundles sslBundles) {
		Assert.notNull(properties, "'properties' must not be null");
		Assert.notNull(customizers, "'customizers' must not be null");
		this.properties = properties;
		this.customizers = List.copyOf(customizers);
		this.sslBundles = sslBundles;
	}

	/**
	 * Configure a builder.
	 * @param builder the builder
	 * @return the same builder
	 */
	public CoapTemplateBuilder configure(CoapTemplateBuilder builder) {
		PropertyMapper map = PropertyMapper.get();
		CoapProperties.Client client = this.properties;
		map.from(client::getBaseUri).to(builder::baseUri);
		map.from(client::getTimeout).to(builder::timeout);
		map.from(client::isConfirmable).to(builder::confirmable);
		map.from(client::getAccept).to(builder::accept);
		map.from(client::getContentFormat).to(builder::contentFormat);
		map.from(client::getMaxRetransmit).to(builder::maxRetransmit);
		map.from(client::getBlockSize).to(builder::blockSize);
		map.from(client::getMaxBodySize).to(builder::maxBodySize);
		map.from(client::getMulticastWindow).to(builder::multicastWindow);
		map.from(client::getMulticastInterface).to(builder::multicastInterface);
		configureDtls(client.getDtls(), builder);
		String tlsBundle = client.getTls().getSslBundle();
		if (tlsBundle != null) {
			builder.tlsBundle(SslBundleLoader.bundle(this.sslBundles, tlsBundle, TLS_SSL_BUNDLE));
		}
		for (CoapTemplateCustomizer customizer : this.customizers) {
			customizer.customize(builder);
		}
		return builder;
	}

	private void configureDtls(CoapProperties.ClientDtls dtls, CoapTemplateBuilder builder) {
		String identity = dtls.getPsk().getIdentity();
		String secret = dtls.getPsk().getSecret();
		if (identity != null || secret != null) {
			if (!StringUtils.hasLength(identity)) {
				throw new InvalidConfigurationPropertyValueException(PSK_IDENTITY, identity,
						"'" + PSK_SECRET + "' is set, so the PSK identity must be set too");
			}
			if (secret == null) {
				throw new InvalidConfigurationPropertyValueException(PSK_SECRET, null,
						"'" + PSK_IDENTITY + "' is set, so its secret must be set too");
			}
			builder.pskIdentity(identity, PskIdentitiesParser.decodeSecret(PSK_SECRET, secret));
		}
		String bundleName = dtls.getSslBundle();
		if (bundleName != null) {
			SslBundle bundle = SslBundleLoader.bundle(this.sslBundles, bundleName, SSL_BUNDLE);
			try {
				builder.sslBundle(bundle);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException(SSL_BUNDLE, bundleName, ex.getMessage());
			}
		}
	}

}
