package io.coapspring.lwm2m.cluster;

import io.coapspring.cluster.autoconfigure.CoapClusterProperties.Lwm2m.Delivery;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code coap.cluster.lwm2m.events.delivery} is not {@code handling-node}; binds the property as
 * Spring Boot does, so that a bad value fails start-up naming it.
 *
 * @author CoAP Spring Boot team
 */
class OnClusterEventDeliveryCondition extends SpringBootCondition {

	static final String PROPERTY = "coap.cluster.lwm2m.events.delivery";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Delivery delivery = Binder.get(context.getEnvironment())
			.bind(PROPERTY, Delivery.class)
			.orElse(Delivery.HANDLING_NODE);
		return (delivery != Delivery.HANDLING_NODE) ? ConditionOutcome.match(PROPERTY + " is " + delivery)
				: ConditionOutcome.noMatch(PROPERTY + " is " + delivery);
	}

}
