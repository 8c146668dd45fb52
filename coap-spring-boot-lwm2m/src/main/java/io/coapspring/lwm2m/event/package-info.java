/**
 * Spring application events about LWM2M clients: registration, update, deregistration and expiry, queue-mode
 * presence, observation notifications and Send data.
 */
@NullMarked
package io.coapspring.lwm2m.event;

import org.jspecify.annotations.NullMarked;
