package io.coapspring.server.observe;

import io.coapspring.server.mapping.CoapPathPattern;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The {@link CoapNotifier} of an application that serves no CoAP ({@code coap.server.enabled=false}): there is
 * nothing to observe, so every resource has no observers and a change reaches nobody. Services that notify keep
 * working unchanged, for instance in a deployment that only uses the client.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class NoObserversCoapNotifier implements CoapNotifier {

	@Override
	public int changed(String uriOrPattern) {
		check(uriOrPattern);
		return 0;
	}

	@Override
	public int notify(String uriOrPattern, @Nullable Object value) {
		check(uriOrPattern);
		return 0;
	}

	@Override
	public int getObserverCount(String uriOrPattern) {
		check(uriOrPattern);
		return 0;
	}

	// the same arguments are rejected as by the server's notifier
	private static void check(String uriOrPattern) {
		Assert.hasText(uriOrPattern, "'uriOrPattern' must not be empty");
		String text = uriOrPattern.trim();
		int scheme = text.indexOf("://");
		if (scheme >= 0) {
			int path = text.indexOf('/', scheme + 3);
			text = (path < 0) ? "/" : text.substring(path);
		}
		int question = text.indexOf('?');
		String path = (question < 0) ? text : text.substring(0, question);
		if (path.indexOf('{') >= 0) {
			CoapPathPattern.parse(path);
		}
	}

}
