/**
 * Resource discovery with the CoRE Link Format (RFC 6690): typed web links and their filters.
 */
@NullMarked
package io.coapspring.client.discovery;

import org.jspecify.annotations.NullMarked;
