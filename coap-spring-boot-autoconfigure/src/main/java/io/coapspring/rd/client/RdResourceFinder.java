package io.coapspring.rd.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import io.coapspring.client.CoapClientException;
import io.coapspring.client.CoapMulticastResponse;
import io.coapspring.client.CoapOperations;
import io.coapspring.client.CoapRequestEntity;
import io.coapspring.client.MulticastResourceFinder;
import io.coapspring.client.discovery.CoapResourceFinder;
import io.coapspring.client.discovery.LinkFormatParser;
import io.coapspring.client.discovery.WebLink;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Finds resources in a Resource Directory, by multicast discovery on a group, or both, as its
 * {@link RdLookupMode} says. The directory is the one given (configured, or the application's own), else one
 * found on the group with {@code /.well-known/core?rt=core.rd-lookup-res} (RFC 9176 section 4) and remembered
 * until a lookup there fails. In {@link RdLookupMode#AUTO auto} mode without a known directory, the search for a
 * directory and the multicast discovery of the resources go out together, so a call takes one multicast window
 * either way: the directory's answer is used when one answered, the nodes' answers otherwise.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class RdResourceFinder implements CoapResourceFinder {

	private static final Log logger = LogFactory.getLog(RdResourceFinder.class);

	private static final String RESOURCE_LOOKUP = "core.rd-lookup-res";

	private final CoapOperations coap;

	private final @Nullable Supplier<RdLookupClient> directory;

	private final MulticastResourceFinder multicast;

	private final RdLookupMode mode;

	private final Duration window;

	private volatile @Nullable RdLookupClient found;

	/**
	 * Create a finder.
	 * @param coap sends the requests
	 * @param directory supplies the client of the known directory, or {@code null} to find one on the group
	 * @param group the multicast group, such as {@code coap://224.0.1.187}
	 * @param window how long answers of the group are collected
	 * @param mode where to look
	 */
	public RdResourceFinder(CoapOperations coap, @Nullable Supplier<RdLookupClient> directory, String group,
			Duration window, RdLookupMode mode) {
		Assert.notNull(coap, "'coap' must not be null");
		Assert.notNull(mode, "'mode' must not be null");
		this.coap = coap;
		this.directory = directory;
		this.multicast = new MulticastResourceFinder(coap, group, window);
		this.mode = mode;
		this.window = window;
	}

	/**
	 * Return where this finder looks.
	 * @return the mode
	 */
	public RdLookupMode getMode() {
		return this.mode;
	}

	/**
	 * Return the directory this finder asks now.
	 * @return the known directory, or the one found on the group, or {@code null} if none is known yet
	 */
	public @Nullable URI getDirectory() {
		RdLookupClient client = known();
		return (client != null) ? client.getDirectory() : null;
	}

	@Override
	public List<WebLink> findResources(String filters) {
		MulticastResourceFinder.parse(filters);
		return switch (this.mode) {
			case MULTICAST -> this.multicast.findResources(filters);
			case DIRECTORY -> directory(filters);
			case AUTO -> auto(filters);
			case BOTH -> both(filters);
		};
	}

	private List<WebLink> directory(String filters) {
		RdLookupClient client = known();
		if (client == null) {
			client = search().join();
		}
		if (client == null) {
			throw new IllegalStateException("No resource directory is configured, and none answered on "
					+ this.multicast.getGroup() + " for rt=" + RESOURCE_LOOKUP);
		}
		return lookup(client, filters);
	}

	private List<WebLink> auto(String filters) {
		RdLookupClient client = known();
		if (client != null) {
			try {
				return lookup(client, filters);
			}
			catch (CoapClientException ex) {
				if (this.directory != null) {
					throw ex;
				}
				logger.info("The resource directory " + client.getDirectory() + " failed (" + ex.getMessage()
						+ "): looking on " + this.multicast.getGroup() + " again");
			}
		}
		CompletableFuture<@Nullable RdLookupClient> search = search();
		List<WebLink> links = this.multicast.findResources(filters);
		client = search.join();
		return (client != null) ? lookup(client, filters) : links;
	}

	private List<WebLink> both(String filters) {
		RdLookupClient client = known();
		CompletableFuture<@Nullable RdLookupClient> search = (client != null) ? CompletableFuture.completedFuture(client)
				: search();
		List<WebLink> fromNodes = this.multicast.findResources(filters);
		client = search.join();
		Map<URI, WebLink> merged = new LinkedHashMap<>();
		if (client != null) {
			try {
				lookup(client, filters).forEach((link) -> merged.putIfAbsent(link.getUri(), link));
			}
			catch (CoapClientException ex) {
				if (this.directory != null) {
					throw ex;
				}
				logger.info("The resource directory " + client.getDirectory() + " failed: " + ex.getMessage());
			}
		}
		fromNodes.forEach((link) -> merged.putIfAbsent(link.getUri(), link));
		return new ArrayList<>(merged.values());
	}

	private List<WebLink> lookup(RdLookupClient client, String filters) {
		try {
			return client.lookupResources(filters);
		}
		catch (CoapClientException ex) {
			if (client == this.found) {
				this.found = null;
			}
			throw ex;
		}
	}

	private @Nullable RdLookupClient known() {
		if (this.directory != null) {
			return this.directory.get();
		}
		return this.found;
	}

	/**
	 * Ask the group for a resource lookup interface; the first one found is remembered.
	 */
	private CompletableFuture<@Nullable RdLookupClient> search() {
		CoapRequestEntity<Void> request = CoapRequestEntity
			.get(URI.create(this.multicast.getGroup() + "/.well-known/core?rt=" + RESOURCE_LOOKUP))
			.accept(MediaTypeRegistry.APPLICATION_LINK_FORMAT)
			.build();
		CompletableFuture<List<CoapMulticastResponse<byte[]>>> answers = this.coap.multicastAsync(request,
				byte[].class, this.window);
		return answers.handle((responses, failure) -> {
			if (failure != null) {
				logger.debug("Searching a resource directory failed: " + describe(failure));
				return null;
			}
			RdLookupClient client = firstLookupInterface(responses);
			if (client != null) {
				this.found = client;
			}
			return client;
		});
	}

	private @Nullable RdLookupClient firstLookupInterface(List<CoapMulticastResponse<byte[]>> responses) {
		for (CoapMulticastResponse<byte[]> answer : responses) {
			byte[] body = answer.response().getBody();
			if (body == null) {
				continue;
			}
			try {
				for (WebLink link : LinkFormatParser.parse(new String(body, StandardCharsets.UTF_8),
						answer.sender())) {
					if (link.getResourceTypes().contains(RESOURCE_LOOKUP)) {
						logger.debug("Found the resource lookup interface " + link.getUri());
						return RdLookupClient.forResourceLookup(this.coap, link.getUri());
					}
				}
			}
			catch (IllegalArgumentException ex) {
				logger.debug("Skipping an answer of " + answer.sender() + ": " + ex.getMessage());
			}
		}
		return null;
	}

	private static String describe(Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		return String.valueOf(cause.getMessage());
	}

}
