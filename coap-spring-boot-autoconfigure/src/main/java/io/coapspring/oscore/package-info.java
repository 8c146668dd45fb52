/**
 * OSCORE (Object Security for Constrained RESTful Environments, RFC 8613) on Californium's {@code cf-oscore}:
 * security contexts whose sender sequence numbers survive restarts, the rule that answers unprotected requests
 * to protected handler methods with 4.01, the marking of client requests to OSCORE peers, and counters of
 * protected and rejected requests.
 */
@NullMarked
package io.coapspring.oscore;

import org.jspecify.annotations.NullMarked;
