package io.coapspring.transport.tcp;

import java.io.IOException;

/**
 * A message was not sent because it is larger than the Max-Message-Size the peer announced in its CSM
 * (RFC 8323 section 5.3.1).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class MessageTooLargeException extends IOException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message the detail message
	 */
	public MessageTooLargeException(String message) {
		super(message);
	}

}
