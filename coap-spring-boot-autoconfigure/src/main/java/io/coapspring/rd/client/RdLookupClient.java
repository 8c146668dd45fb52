package io.coapspring.rd.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;

import io.coapspring.client.CoapOperations;
import io.coapspring.client.CoapRequestEntity;
import io.coapspring.client.discovery.LinkFormatParser;
import io.coapspring.client.discovery.WebLink;
import io.coapspring.convert.CoapResponseEntity;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Looks up endpoints and resources in a Resource Directory (RFC 9176 section 7) and returns them as
 * {@link WebLink}s with absolute URIs: "every node with {@code rt=temperature-c}" is one call, as
 * {@code CoapTemplate.discover} is on a multicast group.
 * <p>
 * Given only the directory's host ({@code coap://rd.example}), the client finds the lookup interfaces with
 * {@code /.well-known/core?rt=core.rd-lookup-*} on first use; given their URIs it uses them as they are.
 *
 * <pre class="code">
 * RdLookupClient rd = RdLookupClient.create(coapTemplate, "coap://rd.example");
 * for (WebLink thermometer : rd.lookupResources("rt=temperature-c")) {
 *     Reading reading = coapTemplate.getForObject(thermometer.getUri(), Reading.class);
 * }
 * </pre>
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class RdLookupClient {

	private static final String ENDPOINT_LOOKUP = "core.rd-lookup-ep";

	private static final String RESOURCE_LOOKUP = "core.rd-lookup-res";

	private final CoapOperations coap;

	private final URI directory;

	private volatile @Nullable URI endpointLookup;

	private volatile @Nullable URI resourceLookup;

	private RdLookupClient(CoapOperations coap, URI directory, @Nullable URI endpointLookup,
			@Nullable URI resourceLookup) {
		this.coap = coap;
		this.directory = directory;
		this.endpointLookup = endpointLookup;
		this.resourceLookup = resourceLookup;
	}

	/**
	 * Create a client for a directory whose lookup interfaces are found through its {@code /.well-known/core}.
	 * @param coap sends the requests
	 * @param directory the directory, such as {@code coap://rd.example} or {@code coap://[2001:db8::1]:5683}
	 * @return the client
	 */
	public static RdLookupClient create(CoapOperations coap, String directory) {
		Assert.notNull(coap, "'coap' must not be null");
		return new RdLookupClient(coap, origin(directory), null, null);
	}

	/**
	 * Create a client for known lookup interfaces.
	 * @param coap sends the requests
	 * @param endpointLookup the endpoint lookup URI, such as {@code coap://rd.example/rd-lookup/ep}
	 * @param resourceLookup the resource lookup URI, such as {@code coap://rd.example/rd-lookup/res}
	 * @return the client
	 */
	public static RdLookupClient create(CoapOperations coap, String endpointLookup, String resourceLookup) {
		Assert.notNull(coap, "'coap' must not be null");
		return new RdLookupClient(coap, origin(resourceLookup), URI.create(endpointLookup),
				URI.create(resourceLookup));
	}

	/**
	 * Create a client for a resource lookup interface found on a multicast group; its endpoint lookup interface
	 * is found on first use.
	 */
	static RdLookupClient forResourceLookup(CoapOperations coap, URI resourceLookup) {
		return new RdLookupClient(coap, origin(resourceLookup.toString()), null, resourceLookup);
	}

	private static URI origin(String uri) {
		Assert.hasText(uri, "'uri' must not be empty");
		URI parsed = URI.create(uri);
		Assert.isTrue(parsed.isAbsolute() && parsed.getHost() != null, "'" + uri + "' is no absolute URI with a host");
		return URI.create(parsed.getScheme() + "://" + parsed.getRawAuthority());
	}

	/**
	 * Resource lookup: the links registered in the directory that match the filters, with absolute URIs.
	 * @param filters the query, such as {@code rt=temperature-c}, {@code ep=kitchen&if=sensor} or
	 * {@code rt=temp*&count=10}; empty for every link
	 * @return the links; {@link WebLink#getUri()} is the resource to send requests to
	 */
	public List<WebLink> lookupResources(String filters) {
		URI lookup = this.resourceLookup;
		if (lookup == null) {
			lookup = find(RESOURCE_LOOKUP);
			this.resourceLookup = lookup;
		}
		return lookup(lookup, filters);
	}

	/**
	 * Endpoint lookup: the registrations that match the filters, each a link to its registration resource with
	 * {@code ep}, {@code d}, {@code base} and the other registration parameters as attributes.
	 * @param filters the query, such as {@code ep=kitchen*}, {@code d=home&rt=temperature-c}; empty for all
	 * @return the links
	 */
	public List<WebLink> lookupEndpoints(String filters) {
		URI lookup = this.endpointLookup;
		if (lookup == null) {
			lookup = find(ENDPOINT_LOOKUP);
			this.endpointLookup = lookup;
		}
		return lookup(lookup, filters);
	}

	/**
	 * Return the directory this client asks.
	 * @return the directory's scheme and authority
	 */
	public URI getDirectory() {
		return this.directory;
	}

	private URI find(String resourceType) {
		List<WebLink> links = this.coap.discover(this.directory.toString(), "rt=" + resourceType);
		if (links.isEmpty()) {
			throw new IllegalStateException(
					this.directory + "/.well-known/core lists no lookup interface with rt=" + resourceType);
		}
		return links.get(0).getUri();
	}

	private List<WebLink> lookup(URI lookup, String filters) {
		Assert.notNull(filters, "'filters' must not be null");
		URI uri;
		try {
			uri = new URI(lookup.getScheme(), lookup.getRawAuthority(), lookup.getPath(),
					filters.isEmpty() ? null : filters, null);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("Invalid lookup filters '" + filters + "'", ex);
		}
		CoapResponseEntity<String> response = this.coap.exchange(
				CoapRequestEntity.get(uri).accept(MediaTypeRegistry.APPLICATION_LINK_FORMAT).build(), String.class);
		String document = response.getBody();
		return LinkFormatParser.parse((document != null) ? document : "", source(lookup));
	}

	private static InetSocketAddress source(URI uri) {
		int port = (uri.getPort() >= 0) ? uri.getPort() : ("coaps".equals(uri.getScheme()) ? 5684 : 5683);
		String host = uri.getHost();
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		try {
			return new InetSocketAddress(InetAddress.getByName(host), port);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("Unknown directory host " + host, ex);
		}
	}

}
