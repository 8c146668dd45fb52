package io.coapspring.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.coapspring.client.discovery.CoapResourceFinder;
import io.coapspring.client.discovery.WebLink;
import io.coapspring.client.discovery.WebLinkFilter;

import org.springframework.util.Assert;

/**
 * Finds resources with multicast discovery: one {@code GET /.well-known/core} to a group, every answer within the
 * window. RFC 6690 lets a request carry one filter, so the first filter item is sent as the query, and every item
 * is applied again to the links received.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class MulticastResourceFinder implements CoapResourceFinder {

	private final CoapOperations coap;

	private final String group;

	private final Duration window;

	/**
	 * Create a finder.
	 * @param coap sends the requests
	 * @param group the group, such as {@code coap://224.0.1.187} or {@code coap://[ff02::fd]:5683}
	 * @param window how long answers are collected
	 */
	public MulticastResourceFinder(CoapOperations coap, String group, Duration window) {
		Assert.notNull(coap, "'coap' must not be null");
		Assert.hasText(group, "'group' must not be empty");
		Assert.isTrue(!window.isNegative() && !window.isZero(), "'window' must be positive");
		this.coap = coap;
		this.group = group;
		this.window = window;
	}

	/**
	 * Return the group asked.
	 * @return the group URI
	 */
	public String getGroup() {
		return this.group;
	}

	@Override
	public List<WebLink> findResources(String filters) {
		List<WebLinkFilter> items = parse(filters);
		List<WebLink> links = this.coap.discover(this.group, items.isEmpty() ? null : items.get(0).toQuery(),
				this.window);
		return links.stream().filter((link) -> items.stream().allMatch((item) -> item.matches(link))).toList();
	}

	/**
	 * Parse filter items joined by {@code &}.
	 * @param filters the items, possibly empty
	 * @return the filters
	 * @throws IllegalArgumentException if an item is not {@code name=value}
	 */
	public static List<WebLinkFilter> parse(String filters) {
		Assert.notNull(filters, "'filters' must not be null");
		List<WebLinkFilter> items = new ArrayList<>();
		for (String item : filters.split("&")) {
			if (!item.isEmpty()) {
				items.add(WebLinkFilter.parse(item));
			}
		}
		return items;
	}

}
