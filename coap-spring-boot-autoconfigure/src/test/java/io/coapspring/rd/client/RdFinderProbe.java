package io.coapspring.rd.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.coapspring.client.CoapClientEndpoints;
import io.coapspring.client.CoapTemplate;
import io.coapspring.client.CoapTemplateBuilder;
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

import static org.awaitility.Awaitility.await;

/**
 * Runs {@link RdResourceFinder} in every {@link RdLookupMode} against multicast groups and prints what it found,
 * one line each ({@code MODE|URI|SOURCE}). {@link ResourceDirectoryNamespaceTests} runs it in a JVM inside a network
 * namespace, so that multicast never leaves the namespaces the test created. It first waits, at most 40 s, until a
 * directory found on the group lists a resource of the type, that is until a node has registered.
 */
public final class RdFinderProbe {

	private RdFinderProbe() {
	}

	/**
	 * Probe.
	 * @param args the group with a directory, a group without, the filter, and the window in milliseconds
	 */
	public static void main(String[] args) {
		String group = args[0];
		String groupWithoutDirectory = args[1];
		String filter = args[2];
		Duration window = Duration.ofMillis(Long.parseLong(args[3]));
		Configuration configuration = new Configuration(CoapConfig.DEFINITIONS, UdpConfig.DEFINITIONS,
				SystemConfig.DEFINITIONS);
		CoapContentFormats formats = new CoapContentFormats();
		CoapMessageConverters converters = new CoapMessageConverters(
				List.of(new StringCoapMessageConverter(formats), new ByteArrayCoapMessageConverter()), formats);
		try (CoapClientEndpoints endpoints = new CoapClientEndpoints(configuration,
				StandardOptionRegistry.getDefaultOptionRegistry());
				CoapTemplate template = new CoapTemplateBuilder(endpoints, converters).build()) {
			RdResourceFinder directory = new RdResourceFinder(template, null, group, window, RdLookupMode.DIRECTORY);
			List<WebLink> registered = await().atMost(Duration.ofSeconds(40))
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.until(() -> directory.findResources(filter), (links) -> !links.isEmpty());
			print("directory", registered);
			URI found = directory.getDirectory();
			System.out.println("found|" + found);
			if (found != null) {
				for (WebLink endpoint : RdLookupClient.create(template, found.toString()).lookupEndpoints("")) {
					System.out.println("endpoint|" + endpoint.getAttribute("ep") + "|" + endpoint.getAttribute("base"));
				}
			}
			RdResourceFinder auto = new RdResourceFinder(template, null, group, window, RdLookupMode.AUTO);
			print("auto", auto.findResources(filter));
			System.out.println("auto-found|" + auto.getDirectory());
			print("multicast",
					new RdResourceFinder(template, null, group, window, RdLookupMode.MULTICAST).findResources(filter));
			List<WebLink> both = new RdResourceFinder(template, null, group, window, RdLookupMode.BOTH)
				.findResources(filter);
			print("both", both);
			RdResourceFinder fallback = new RdResourceFinder(template, null, groupWithoutDirectory, window,
					RdLookupMode.AUTO);
			print("fallback", fallback.findResources(filter));
			System.out.println("fallback-found|" + fallback.getDirectory());
			for (WebLink link : both) {
				System.out.println("get|" + link.getUri() + "|" + template.getForObject(link.getUri(), String.class));
			}
		}
		System.out.println("done");
	}

	private static void print(String mode, List<WebLink> links) {
		for (WebLink link : links) {
			System.out.println(mode + "|" + link.getUri() + "|" + link.getSource().getAddress().getHostAddress());
		}
	}

}
