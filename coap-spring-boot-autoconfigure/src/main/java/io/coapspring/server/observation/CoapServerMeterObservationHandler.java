package io.coapspring.server.observation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

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

	private final Map<KeyValues, Timer> timers = new ConcurrentHashMap<>();

	private final Map<KeyValues, LongTaskTimer> longTaskTimersByKeyValues = new ConcurrentHashMap<>();

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
			String name = context.getName() + ".active";
			LongTaskTimer timer = cached(this.longTaskTimersByKeyValues, name, context.getLowCardinalityKeyValues(),
					(keyValues) -> LongTaskTimer.builder(name).tags(tags(keyValues, null)).register(this.registry));
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
		Timer timer;
		if (error == null) {
			timer = cached(this.timers, name, keyValues, (values) -> timer(name, values, NO_ERROR));
		}
		else {
			timer = timer(name, keyValues, error.getClass().getSimpleName());
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

	private Timer timer(String name, KeyValues keyValues, String error) {
		return Timer.builder(name).tags(tags(keyValues, error)).register(this.registry);
	}

	// the meter kept for the key values, made on first use; looked up per call once the most sets are kept, and
	// when the observation's name is not the one the kept meter has (a convention that names them otherwise)
	private static <M extends Meter> M cached(Map<KeyValues, M> cache, String name,
			KeyValues keyValues, Function<KeyValues, M> register) {
		M meter = cache.get(keyValues);
		if (meter == null) {
			meter = register.apply(keyValues);
			if (cache.size() < MAX_CACHED_KEY_VALUES) {
				cache.putIfAbsent(keyValues, meter);
			}
		}
		else if (!meter.getId().getName().equals(name)) {
			meter = register.apply(keyValues);
		}
		return meter;
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

}
