package io.coapspring.client.discovery;

import java.util.List;

/**
 * Finds the resources of other nodes by their link attributes, wherever they are listed: "every node with
 * {@code rt=temperature-c}" is one call, whether it asks a Resource Directory (RFC 9176 section 7), a multicast
 * group (RFC 6690 / RFC 7252 section 8), or both. The auto-configured bean chooses with
 * {@code coap.rd.client.lookup.mode}.
 *
 * <pre class="code">
 * for (WebLink thermometer : finder.findResources("rt=temperature-c")) {
 *     Reading reading = coapTemplate.getForObject(thermometer.getUri(), Reading.class);
 * }
 * </pre>
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@FunctionalInterface
public interface CoapResourceFinder {

	/**
	 * Find the resources whose links match every filter.
	 * @param filters filter items joined by {@code &}, each {@code name=value} where a value ending in {@code *}
	 * matches a prefix, {@code href} matches the target and an attribute with space-separated values ({@code rt},
	 * {@code if}) matches if one of them does, such as {@code rt=temperature-c} or {@code rt=temp*&if=sensor};
	 * empty for every resource. Registration parameters ({@code ep}, {@code d}) match in a directory, and
	 * {@code ep} also on nodes that publish it as a link attribute
	 * @return each resource once, in the order found; {@link WebLink#getUri()} is the absolute URI to send
	 * requests to, {@link WebLink#getSource()} the address that answered (the node, or the directory)
	 */
	List<WebLink> findResources(String filters);

}
