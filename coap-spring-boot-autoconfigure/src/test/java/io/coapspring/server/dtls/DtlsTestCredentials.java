package io.coapspring.server.dtls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.core.io.ClassPathResource;

/**
 * The committed test credentials under {@code src/test/resources/dtls} (made by {@code generate.sh} there).
 */
final class DtlsTestCredentials {

	private static final Pattern PUBLIC_KEY = Pattern
		.compile("-+BEGIN PUBLIC KEY-+([A-Za-z0-9+/=\\s]+)-+END PUBLIC KEY-+");

	static final String PSK_IDENTITY = "device-psk";

	static final String PSK_SECRET = "secretPSK";

	private DtlsTestCredentials() {
	}

	static List<X509Certificate> certificates(String name) {
		return pem(name).getCertificates();
	}

	static PrivateKey privateKey(String name) {
		PrivateKey key = pem(name).getPrivateKey();
		if (key == null) {
			throw new IllegalStateException("no private key in " + name);
		}
		return key;
	}

	static PublicKey publicKey(String name) {
		try (InputStream in = new ClassPathResource("dtls/" + name).getInputStream()) {
			String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
			Matcher matcher = PUBLIC_KEY.matcher(text);
			if (!matcher.find()) {
				throw new IllegalStateException("no public key in " + name);
			}
			byte[] der = Base64.getMimeDecoder().decode(matcher.group(1));
			return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String path(String name) {
		try {
			return new ClassPathResource("dtls/" + name).getFile().getAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static PemContent pem(String name) {
		try (InputStream in = new ClassPathResource("dtls/" + name).getInputStream()) {
			return PemContent.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
