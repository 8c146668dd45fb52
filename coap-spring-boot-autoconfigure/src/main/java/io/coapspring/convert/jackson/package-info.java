/**
 * Jackson-based converters for JSON, CBOR and XML payloads.
 */
@NullMarked
package io.coapspring.convert.jackson;

import org.jspecify.annotations.NullMarked;
