/**
 * Cluster-wide delivery of LWM2M events: the node that handled a device's message adds the event to a Redis
 * Stream, and the nodes read it back to deliver it once per cluster (consumer group) or on every node.
 */
@NullMarked
package io.coapspring.lwm2m.cluster.events;

import org.jspecify.annotations.NullMarked;
