package io.coapspring.lwm2m.cluster.events;

import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.coapspring.lwm2m.core.Lwm2mContent;
import io.coapspring.lwm2m.event.Lwm2mAwakeEvent;
import io.coapspring.lwm2m.event.Lwm2mDeregisteredEvent;
import io.coapspring.lwm2m.event.Lwm2mEvent;
import io.coapspring.lwm2m.event.Lwm2mNotificationEvent;
import io.coapspring.lwm2m.event.Lwm2mRegisteredEvent;
import io.coapspring.lwm2m.event.Lwm2mRegistration;
import io.coapspring.lwm2m.event.Lwm2mRegistrationUpdatedEvent;
import io.coapspring.lwm2m.event.Lwm2mSendEvent;
import io.coapspring.lwm2m.event.Lwm2mSleepingEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Lwm2mEventCodec}: every event type and every value type comes back as it was written.
 */
class Lwm2mEventCodecTests {

	private final Lwm2mEventCodec codec = new Lwm2mEventCodec();

	private final Object source = new Object();

	private final Lwm2mRegistration registration = new Lwm2mRegistration("dev-1", "Ab12", new InetSocketAddress(
			"::1", 56830), Duration.ofSeconds(300), "1.1", Set.of("U", "Q"), true, List.of("/1/0", "/3/0"),
			Instant.parse("2026-12-07T10:00:00.123Z"), Instant.parse("2026-12-07T10:05:00Z"));

	private Lwm2mEvent roundTrip(Lwm2mEvent event) {
		Lwm2mEvent decoded = this.codec.decode(this.codec.encode(event), this.source);
		assertThat(decoded).isExactlyInstanceOf(event.getClass());
		assertThat(decoded.getSource()).isSameAs(this.source);
		assertThat(decoded.getRegistration()).isEqualTo(this.registration);
		return decoded;
	}

	@Test
	void registrationEventsComeBackWithTheirRegistration() {
		roundTrip(new Lwm2mRegisteredEvent(this, this.registration));
		roundTrip(new Lwm2mRegistrationUpdatedEvent(this, this.registration));
		roundTrip(new Lwm2mAwakeEvent(this, this.registration));
		roundTrip(new Lwm2mSleepingEvent(this, this.registration));
		assertThat(((Lwm2mDeregisteredEvent) roundTrip(new Lwm2mDeregisteredEvent(this, this.registration, true)))
			.isExpired()).isTrue();
		assertThat(((Lwm2mDeregisteredEvent) roundTrip(new Lwm2mDeregisteredEvent(this, this.registration, false)))
			.isExpired()).isFalse();
	}

	@Test
	void notificationValuesKeepTheirJavaTypes() {
		Map<Integer, Object> instances = new LinkedHashMap<>();
		instances.put(0, 3800L);
		instances.put(1, 5000L);
		Map<Integer, Object> resources = new LinkedHashMap<>();
		resources.put(0, "ACME");
		resources.put(7, instances);
		resources.put(9, 87L);
		resources.put(13, Instant.parse("2026-12-07T10:00:00Z"));
		resources.put(20, new BigInteger("18446744073709551615"));
		resources.put(21, 2.5);
		resources.put(22, true);
		resources.put(23, "3:0");
		Lwm2mNotificationEvent event = (Lwm2mNotificationEvent) roundTrip(
				new Lwm2mNotificationEvent(this, this.registration, new Lwm2mContent("/3/0", resources)));
		assertThat(event.getContent().path()).isEqualTo("/3/0");
		assertThat(event.getContent().asMap()).containsExactlyEntriesOf(resources);
		Lwm2mNotificationEvent opaque = (Lwm2mNotificationEvent) roundTrip(new Lwm2mNotificationEvent(this,
				this.registration, new Lwm2mContent("/5/0/0", new byte[] { 0, 1, (byte) 0xff })));
		assertThat(opaque.getContent().asBytes()).containsExactly(0, 1, 0xff);
	}

	@Test
	void sendDataKeepsItsPathsInOrder() {
		Map<String, Lwm2mContent> data = new LinkedHashMap<>();
		data.put("/3/0/9", new Lwm2mContent("/3/0/9", 42L));
		data.put("/3/0/1", new Lwm2mContent("/3/0/1", "M7"));
		Lwm2mSendEvent event = (Lwm2mSendEvent) roundTrip(new Lwm2mSendEvent(this, this.registration, data));
		assertThat(event.getData()).containsExactlyEntriesOf(data);
	}

	@Test
	void entriesThatAreNotEventsAreRejected() {
		Map<String, String> fields = new LinkedHashMap<>(this.codec.encode(new Lwm2mRegisteredEvent(this,
				this.registration)));
		fields.put("type", "exploded");
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode(fields, this.source))
			.withMessageContaining("exploded");
		assertThatIllegalArgumentException().isThrownBy(() -> this.codec.decode(Map.of("type", "registered"),
				this.source))
			.withMessageContaining("registration");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.codec.decode(Map.of("type", "registered", "registration", "{not json"),
					this.source))
			.withMessageContaining("Not JSON");
	}

}
