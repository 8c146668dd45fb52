/**
 * Cluster mode: several instances of one application serve one fleet through a shared Redis, reached with Spring
 * Boot's own Redis support. {@link io.coapspring.cluster.ClusterCoapNotifier} makes
 * {@link io.coapspring.server.observe.CoapNotifier#changed(String)} reach the observers held by every node.
 */
@NullMarked
package io.coapspring.cluster;

import org.jspecify.annotations.NullMarked;
