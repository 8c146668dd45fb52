/**
 * An in-process LWM2M client (Eclipse Leshan's) for tests and demos. Needs {@code leshan-client-cf} on the
 * classpath.
 */
@NullMarked
package io.coapspring.lwm2m.test;

import org.jspecify.annotations.NullMarked;
