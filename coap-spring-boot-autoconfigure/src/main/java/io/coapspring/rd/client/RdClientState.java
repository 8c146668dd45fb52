package io.coapspring.rd.client;

/**
 * Where the registration of this application with a Resource Directory stands.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public enum RdClientState {

	/**
	 * Not registered yet: the first attempt is under way.
	 */
	REGISTERING,

	/**
	 * Registered; the registration is refreshed before its lifetime ends.
	 */
	REGISTERED,

	/**
	 * The last attempt to register or refresh failed; the client tries again after the retry interval.
	 */
	FAILED,

	/**
	 * The registration was removed (graceful shutdown) or the client is stopped.
	 */
	STOPPED

}
