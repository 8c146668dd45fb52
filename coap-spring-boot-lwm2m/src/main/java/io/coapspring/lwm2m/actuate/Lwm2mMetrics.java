package io.coapspring.lwm2m.actuate;

import java.time.Duration;

import io.coapspring.lwm2m.core.Lwm2mOperationListener;
import io.coapspring.lwm2m.core.Lwm2mOutcomes;
import io.coapspring.lwm2m.server.Lwm2mRegistrationLimits;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Micrometer metrics of the LWM2M server:
 * <ul>
 * <li>{@code lwm2m.registrations} (gauge) and {@code lwm2m.registrations.max} (gauge, the bound);</li>
 * <li>{@code lwm2m.registrations.refused} (counter): registrations and updates refused by the limits;</li>
 * <li>{@code lwm2m.operations} (timer) tagged {@code operation} (read, write, ...) and {@code outcome}
 * ({@code success}, {@code not-registered}, {@code sleeping}, {@code unreachable}, {@code invalid-request},
 * {@code client-error}, {@code server-error}, {@code error}), with the latency of each operation of the
 * template.</li>
 * </ul>
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mMetrics implements MeterBinder, Lwm2mOperationListener {

	private final Lwm2mRegistrationLimits limits;

	private volatile @Nullable MeterRegistry registry;

	/**
	 * Create the metrics.
	 * @param limits the registration limits (they count registrations)
	 */
	public Lwm2mMetrics(Lwm2mRegistrationLimits limits) {
		Assert.notNull(limits, "'limits' must not be null");
		this.limits = limits;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("lwm2m.registrations", this.limits, Lwm2mRegistrationLimits::getRegistrationCount)
			.description("LWM2M clients currently registered")
			.register(registry);
		Gauge.builder("lwm2m.registrations.max", this.limits, Lwm2mRegistrationLimits::getMaxRegistrations)
			.description("Bound on the number of registered LWM2M clients")
			.register(registry);
		FunctionCounter.builder("lwm2m.registrations.refused", this.limits, Lwm2mRegistrationLimits::getRefusedCount)
			.description("LWM2M registrations and updates refused by the limits")
			.register(registry);
		this.registry = registry;
	}

	@Override
	public void onOperation(String operation, @Nullable Throwable failure, Duration duration) {
		MeterRegistry registry = this.registry;
		if (registry == null) {
			return;
		}
		Timer.builder("lwm2m.operations")
			.description("LWM2M operations sent by the server")
			.tag("operation", operation)
			.tag("outcome", Lwm2mOutcomes.of(failure))
			.register(registry)
			.record(duration);
	}

}
