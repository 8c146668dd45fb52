package io.coapspring.cluster;

import org.springframework.util.Assert;

/**
 * This instance as a member of a cluster: its id, unique among the nodes, and the prefix of every Redis key and
 * channel the cluster uses, shared by the nodes of one application.
 *
 * @param id the node id
 * @param keyPrefix the prefix of the cluster's Redis keys and channels
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public record CoapClusterNode(String id, String keyPrefix) {

	/**
	 * Create a node.
	 * @param id the node id, without line breaks
	 * @param keyPrefix the prefix of the cluster's Redis keys and channels
	 */
	public CoapClusterNode {
		Assert.hasText(id, "'id' must not be empty");
		Assert.isTrue(id.indexOf('\n') < 0 && id.indexOf('\r') < 0, "'id' must not contain line breaks");
		Assert.hasText(keyPrefix, "'keyPrefix' must not be empty");
	}

	/**
	 * Return a key or channel name under the cluster's prefix.
	 * @param name the name
	 * @return the prefixed name
	 */
	public String key(String name) {
		return this.keyPrefix + name;
	}

}
