/**
 * {@link io.coapspring.test.client.CoapTestClient}: a CoAP client for tests, with fluent expectations on responses
 * and notifications.
 */
@NullMarked
package io.coapspring.test.client;

import org.jspecify.annotations.NullMarked;
