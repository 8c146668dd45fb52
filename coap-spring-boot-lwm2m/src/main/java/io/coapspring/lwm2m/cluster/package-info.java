/**
 * Cluster mode of the LWM2M server: registrations and observations in Redis, in Eclipse Leshan's own
 * {@link org.eclipse.leshan.server.redis.RedisRegistrationStore}, so that every node sees every device.
 */
@NullMarked
package io.coapspring.lwm2m.cluster;

import org.jspecify.annotations.NullMarked;
