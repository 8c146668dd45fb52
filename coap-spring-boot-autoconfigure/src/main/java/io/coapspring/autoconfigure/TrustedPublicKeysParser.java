package io.coapspring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.californium.elements.auth.RawPublicKeyIdentity;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads the raw public keys of {@code coap.server.dtls.rpk.trusted-keys}: each entry is PEM text with
 * {@code PUBLIC KEY} blocks (DER SubjectPublicKeyInfo) or the location of a file holding such text.
 *
 * @author CoAP Spring Boot team
 */
final class TrustedPublicKeysParser {

	static final String PROPERTY = "coap.server.dtls.rpk.trusted-keys";

	private static final Pattern PUBLIC_KEY = Pattern
		.compile("-+BEGIN PUBLIC KEY-+([A-Za-z0-9+/=\\s]+)-+END PUBLIC KEY-+");

	private TrustedPublicKeysParser() {
	}

	static List<RawPublicKeyIdentity> parse(List<String> entries, ResourceLoader resourceLoader) {
		List<RawPublicKeyIdentity> keys = new ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			String property = PROPERTY + "[" + i + "]";
			String entry = entries.get(i);
			String text = entry.contains("-BEGIN ") ? entry : load(property, entry, resourceLoader);
			Matcher matcher = PUBLIC_KEY.matcher(text);
			int found = 0;
			while (matcher.find()) {
				keys.add(toIdentity(property, entry, matcher.group(1)));
				found++;
			}
			if (found == 0) {
				throw new InvalidConfigurationPropertyValueException(property, entry,
						"no PEM '-----BEGIN PUBLIC KEY-----' block found");
			}
		}
		return keys;
	}

	private static String load(String property, String location, ResourceLoader resourceLoader) {
		Resource resource = resourceLoader.getResource(location);
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new InvalidConfigurationPropertyValueException(property, location,
					"neither PEM text nor a readable resource: " + ex.getMessage());
		}
	}

	private static RawPublicKeyIdentity toIdentity(String property, String entry, String base64) {
		try {
			return new RawPublicKeyIdentity(Base64.getMimeDecoder().decode(base64));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(property, entry,
					"not a supported public key: " + ex.getMessage());
		}
	}

}
