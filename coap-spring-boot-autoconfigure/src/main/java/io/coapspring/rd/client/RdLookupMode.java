package io.coapspring.rd.client;

/**
 * Where an {@link RdResourceFinder} looks for resources.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public enum RdLookupMode {

	/**
	 * A Resource Directory when one is known (configured, run by this application, or found earlier) or found on
	 * the multicast group; multicast discovery on the group when there is none.
	 */
	AUTO,

	/**
	 * Only a Resource Directory: the known one, else one found on the multicast group; it fails when there is
	 * none.
	 */
	DIRECTORY,

	/**
	 * Only multicast discovery on the group.
	 */
	MULTICAST,

	/**
	 * A Resource Directory (when one is known or found) and multicast discovery, merged: each resource once,
	 * those of the directory first.
	 */
	BOTH

}
