package io.coapspring.rd.server;

/**
 * What the Resource Directory allows endpoints that did not authenticate (plain UDP, no DTLS identity), RFC 9176
 * section 8. Whatever the policy, an endpoint name registered by an authenticated peer is bound to that identity:
 * only that identity can update, replace or remove it.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public enum RdUnauthenticatedPolicy {

	/**
	 * Unauthenticated peers may register names that no identity holds, and any peer that knows the location of an
	 * unauthenticated registration may update or remove it; registering the same name again replaces it.
	 */
	OPEN,

	/**
	 * First come, first remembered: a name registered without authentication is remembered with the IP address
	 * it came from while the registration lives; only that address can update, replace or remove it.
	 */
	FIRST_COME_FIRST_REMEMBERED,

	/**
	 * Only authenticated peers may register; every other request to the registration interface gets 4.01.
	 */
	DENY

}
