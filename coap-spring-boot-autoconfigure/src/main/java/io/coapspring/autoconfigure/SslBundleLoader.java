package io.coapspring.autoconfigure;

import io.coapspring.security.SslBundleKeyMaterial;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * Looks up the SSL bundle a property names and reads its key material, failing with a message that names the
 * property.
 *
 * @author CoAP Spring Boot team
 */
final class SslBundleLoader {

	private SslBundleLoader() {
	}

	static SslBundleKeyMaterial load(@Nullable SslBundles sslBundles, String bundleName, String property) {
		SslBundle bundle = bundle(sslBundles, bundleName, property);
		try {
			return SslBundleKeyMaterial.of(bundle);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, bundleName, ex.getMessage());
		}
	}

	static SslBundle bundle(@Nullable SslBundles sslBundles, String bundleName, String property) {
		if (sslBundles == null) {
			throw new InvalidConfigurationPropertyValueException(property, bundleName,
					"no SslBundles bean is available; SSL bundles need Spring Boot's SslAutoConfiguration");
		}
		try {
			return sslBundles.getBundle(bundleName);
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidConfigurationPropertyValueException(property, bundleName,
					"no SSL bundle of that name; define it with 'spring.ssl.bundle.pem." + bundleName
							+ ".*' or 'spring.ssl.bundle.jks." + bundleName + ".*'");
		}
	}

}
