package io.coapspring.server.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.observation.MeterObservationHandler;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Records the meters of the CoAP server's observations, the same meters as Micrometer's
 * {@link DefaultMeterObservationHandler} records for any observation, with the timers looked up once per set of
 * key values instead of once per request.
 * <p>
 * For each observed request the default handler builds a tag list from the context's key values, sorts it and
 * finds the timer in the registry, at the start for the long task timer and at the stop for the timer, and keeps
 * the samples in the context's map. Every request of a route has the same key values (the convention makes them
 * once per route, method and code), so this handler keeps the timers by key values (for at most
 * {@value #MAX_CACHED_KEY_VALUES} sets; beyond, it looks them up per request as the default handler does) and the
 * start time and long task sample in the context's fields.
 * <p>
 * What it records is what the default handler records: a {@link Timer} named after the observation, tagged with
 * its low cardinality key values and {@code error} (the simple class name of the error, or {@code none}); unless
 * long task timers are ignored ({@code management.metrics.observations.ignored-meters=long-task-timer}), a
 * {@link LongTaskTimer} named {@code <name>.active} with the key values known at the start; and a {@link Counter}
 * per event. Meter filters apply as to any meter, when a timer is first registered. Ordered first, it takes the
 * CoAP server's observations in Spring Boot's first-matching group of meter handlers; every other observation
 * reaches the default handler as before.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class CoapServerMeterObservationHandler
		implements MeterObservationHandler<CoapServerObservationContext>, Ordered {

	/**
	 * The most sets of key values whose timers are kept.
	 */
	static final int MAX_CACHED_KEY_VALUES = 1024;

	private static final String NO_ERROR = "none";

	private final MeterRegistry registry;

	private final boolean longTaskTimers;

	private final Map<KeyValues, Kept<Timer>> timers = new ConcurrentHashMap<>();

	private final Map<KeyValues, Kept<LongTaskTimer>> longTaskTimersByKeyValues = new ConcurrentHashMap<>();

	/**
	 * Create a handler.
	 * @param registry the registry the meters are registered with
	 * @param ignoredMeters the meters not to record, as Spring Boot's
	 * {@code management.metrics.observations.ignored-meters}
	 */
	public CoapServerMeterObservationHandler(MeterRegistry registry,
			DefaultMeterObservationHandler.IgnoredMeters... ignoredMeters) {
		Assert.notNull(registry, "'registry' must not be null");
		this.registry = registry;
		Assert.noNullElements(ignoredMeters, "'ignoredMeters' must not contain null elements");
		this.longTaskTimers = !List.of(ignoredMeters)
			.contains(DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER);
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof CoapServerObservationContext;
	}

	@Override
	public void onStart(CoapServerObservationContext context) {
		if (this.longTaskTimers) {
			String name = context.getName();
			KeyValues keyValues = context.getLowCardinalityKeyValues();
			LongTaskTimer timer = kept(this.longTaskTimersByKeyValues, name, keyValues);
			if (timer == null) {
				timer = LongTaskTimer.builder(name + ".active").tags(tags(keyValues, null)).register(this.registry);
				keep(this.longTaskTimersByKeyValues, name, keyValues, timer);
			}
			context.startActiveSample(timer.start());
		}
		context.startTiming(this.registry.config().clock().monotonicTime());
	}

	@Override
	public void onStop(CoapServerObservationContext context) {
		long duration = this.registry.config().clock().monotonicTime() - context.getTimingStart();
		String name = context.getName();
		Throwable error = context.getError();
		KeyValues keyValues = context.getLowCardinalityKeyValues();
		Timer timer = (error != null) ? null : kept(this.timers, name, keyValues);
		if (timer == null) {
			timer = Timer.builder(name)
				.tags(tags(keyValues, (error != null) ? error.getClass().getSimpleName() : NO_ERROR))
				.register(this.registry);
			if (error == null) {
				keep(this.timers, name, keyValues, timer);
			}
		}
		timer.record(duration, TimeUnit.NANOSECONDS);
		if (context.getActiveSample() instanceof LongTaskTimer.Sample active) {
			active.stop();
		}
	}

	@Override
	public void onEvent(Observation.Event event, CoapServerObservationContext context) {
		String name = context.getName() + "." + event.getName();
		Counter.builder(name).tags(tags(context.getLowCardinalityKeyValues(), null)).register(this.registry)
			.increment();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	// the meter kept for the key values, if it was made for an observation of this name (a convention may name
	// its observations otherwise)
	private static <M extends Meter> @Nullable M kept(Map<KeyValues, Kept<M>> cache, @Nullable String name,
			KeyValues keyValues) {
		Kept<M> kept = cache.get(keyValues);
		return (kept != null && kept.observationName().equals(name)) ? kept.meter() : null;
	}

	// kept for the next requests with these key values, while fewer than the most sets are kept
	private static <M extends Meter> void keep(Map<KeyValues, Kept<M>> cache, @Nullable String name,
			KeyValues keyValues, M meter) {
		if (name != null && cache.size() < MAX_CACHED_KEY_VALUES) {
			cache.put(keyValues, new Kept<>(name, meter));
		}
	}

	private static Tags tags(KeyValues keyValues, @Nullable String error) {
		List<Tag> tags = new ArrayList<>();
		for (KeyValue keyValue : keyValues) {
			tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
		}
		if (error != null) {
			tags.add(Tag.of("error", error));
		}
		return Tags.of(tags);
	}

	private record Kept<M extends Meter>(String observationName, M meter) {
	}

}
