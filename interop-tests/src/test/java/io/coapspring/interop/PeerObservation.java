package io.coapspring.interop;

import java.time.Duration;

/**
 * An observation (RFC 7641) registered by a client nobody here wrote, as the client shows it.
 */
interface PeerObservation extends AutoCloseable {

	/**
	 * Return the response to the registration.
	 */
	PeerResponse first();

	/**
	 * Wait for the next notification the client shows.
	 * @return the notification, or {@code null} if none came within the timeout
	 */
	PeerResponse next(Duration timeout);

	/**
	 * Forget the observation as a rebooted client would, without telling the server: the client answers the
	 * next notification with RST.
	 * @throws NotExpressibleException if the client cannot do that
	 */
	void forget();

	/**
	 * End the observation the way the client ends it.
	 */
	@Override
	void close();

}
