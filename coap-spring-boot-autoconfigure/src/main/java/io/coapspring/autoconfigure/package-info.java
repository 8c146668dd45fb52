/**
 * Auto-configuration for CoAP servers and clients on Eclipse Californium.
 */
@NullMarked
package io.coapspring.autoconfigure;

import org.jspecify.annotations.NullMarked;
