/**
 * The CoRE Link Format (RFC 6690 section 2): the one reader of link-format documents, shared by client discovery
 * and the Resource Directory.
 */
@NullMarked
package io.coapspring.linkformat;

import org.jspecify.annotations.NullMarked;
