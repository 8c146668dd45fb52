/**
 * The sample's web dashboard ({@code http://localhost:8080/}): the devices the application knows, live readings of
 * observed resources pushed as Server-Sent Events, and controls that write to and execute on devices.
 */
@NullMarked
package io.coapspring.sample.dashboard;

import org.jspecify.annotations.NullMarked;
