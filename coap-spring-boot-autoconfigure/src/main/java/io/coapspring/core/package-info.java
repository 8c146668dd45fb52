/**
 * Types shared by the CoAP server and client, such as the response entity.
 */
@NullMarked
package io.coapspring.core;

import org.jspecify.annotations.NullMarked;
