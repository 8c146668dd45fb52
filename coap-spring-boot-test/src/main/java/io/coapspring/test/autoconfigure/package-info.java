/**
 * The {@link io.coapspring.test.autoconfigure.CoapTest @CoapTest} slice and the auto-configuration of the
 * {@link io.coapspring.test.client.CoapTestClient}.
 */
@NullMarked
package io.coapspring.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
