package io.coapspring.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.coapspring.client.discovery.WebLink;
import io.coapspring.convert.ByteArrayCoapMessageConverter;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.StringCoapMessageConverter;
import org.eclipse.californium.core.coap.option.StandardOptionRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.SystemConfig;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * Runs {@link CoapTemplate#multicast} and {@link CoapTemplate#discover} against a multicast group and prints
 * what it found, one line each. {@link MulticastNamespaceTests} runs it in a JVM inside a network namespace,
 * so that multicast never leaves the namespaces the test created.
 */
public final class MulticastProbe {

	private MulticastProbe() {
	}

	/**
	 * Probe a group.
	 * @param args the group URI, such as {@code coap://224.0.1.187}, and the window in milliseconds
	 */
	public static void main(String[] args) {
		String group = args[0];
		Duration window = Duration.ofMillis(Long.parseLong(args[1]));
		Configuration configuration = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
				SystemConfig.DEFINITIONS);
		CoapContentFormats formats = new CoapContentFormats();
		CoapMessageConverters converters = new CoapMessageConverters(
				List.of(new StringCoapMessageConverter(formats), new ByteArrayCoapMessageConverter()), formats);
		try (CoapClientEndpoints endpoints = new CoapClientEndpoints(configuration,
				StandardOptionRegistry.getDefaultOptionRegistry());
				CoapTemplate template = new CoapTemplateBuilder(endpoints, converters).build()) {
			// both at once: nodes delay their answers to multicast requests by a random leisure (RFC 7252 8.2)
			CompletableFuture<List<CoapMulticastResponse<String>>> responses = template
				.multicastAsync(CoapRequestEntity.get(group + "/").build(), String.class, window);
			List<WebLink> links = template.discover(group, "rt=ticks", window);
			for (CoapMulticastResponse<String> response : responses.join()) {
				String body = String.valueOf(response.response().getBody());
				System.out.println("response|" + response.sender().getAddress().getHostAddress() + "|"
						+ response.response().getCode().text + "|" + body.lines().findFirst().orElse(""));
			}
			for (WebLink link : links) {
				System.out.println("link|" + link.getSource().getAddress().getHostAddress() + "|" + link.getUri());
			}
		}
		System.out.println("done");
	}

}
