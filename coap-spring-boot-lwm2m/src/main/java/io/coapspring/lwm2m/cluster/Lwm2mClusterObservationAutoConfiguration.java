package io.coapspring.lwm2m.cluster;

import io.coapspring.lwm2m.autoconfigure.Lwm2mServerAutoConfiguration;
import io.coapspring.lwm2m.autoconfigure.Lwm2mServerProperties;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.redis.RedisRegistrationStore;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * In cluster mode with shared LWM2M registrations, a {@link Lwm2mObservationRelocator} on this node's
 * {@link LeshanServer}: a device that moves to this node (its node died, the load balancer gave it a new session)
 * is observed again from here for what it was observed for, so that the observations survive the move.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(after = { Lwm2mServerAutoConfiguration.class, Lwm2mClusterAutoConfiguration.class })
@ConditionalOnClass({ LeshanServer.class, RedisRegistrationStore.class })
@ConditionalOnBooleanProperty(name = "coap.cluster.enabled")
@ConditionalOnBooleanProperty(name = "coap.cluster.lwm2m.enabled", matchIfMissing = true)
public final class Lwm2mClusterObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(LeshanServer.class)
	Lwm2mObservationRelocator lwm2mObservationRelocator(LeshanServer server, Lwm2mServerProperties properties) {
		Lwm2mObservationRelocator relocator = new Lwm2mObservationRelocator(server, properties.getRequestTimeout());
		server.getRegistrationService().addListener(relocator);
		return relocator;
	}

}
