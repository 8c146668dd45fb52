package io.coapspring.rd.actuate;

import io.coapspring.rd.RdExpiredEvent;
import io.coapspring.rd.RdRegisteredEvent;
import io.coapspring.rd.RdRegistrationEvent;
import io.coapspring.rd.RdRemovedEvent;
import io.coapspring.rd.RdUpdatedEvent;
import io.coapspring.rd.server.DefaultResourceDirectory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationListener;
import org.springframework.util.Assert;

/**
 * Metrics of the Resource Directory: {@code coap.rd.registrations}, {@code coap.rd.links} and
 * {@code coap.rd.size} (gauges, against their limits), {@code coap.rd.registrations.refused} (5.03 answers of a
 * full directory) and {@code coap.rd.events} by {@code type} (registered, updated, removed, expired).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class RdMetrics implements MeterBinder, ApplicationListener<RdRegistrationEvent> {

	private final DefaultResourceDirectory directory;

	private volatile @Nullable MeterRegistry registry;

	/**
	 * Create the metrics.
	 * @param directory the directory
	 */
	public RdMetrics(DefaultResourceDirectory directory) {
		Assert.notNull(directory, "'directory' must not be null");
		this.directory = directory;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("coap.rd.registrations", this.directory, (rd) -> rd.getStore().size())
			.description("Registrations held by the resource directory")
			.register(registry);
		Gauge.builder("coap.rd.registrations.max", this.directory, (rd) -> rd.getLimits().maxRegistrations())
			.description("Most registrations the resource directory holds")
			.register(registry);
		Gauge.builder("coap.rd.links", this.directory, (rd) -> rd.getStore().totalLinks())
			.description("Links of every registration")
			.register(registry);
		Gauge.builder("coap.rd.size", this.directory, (rd) -> rd.getStore().totalSize())
			.description("Bytes of link format held")
			.baseUnit("bytes")
			.register(registry);
		Gauge.builder("coap.rd.size.max", this.directory, (rd) -> rd.getLimits().maxTotalSize())
			.description("Most bytes of link format the resource directory holds")
			.baseUnit("bytes")
			.register(registry);
		FunctionCounter
			.builder("coap.rd.registrations.refused", this.directory, DefaultResourceDirectory::getRefusedFullCount)
			.description("Registrations refused with 5.03 because the resource directory was full")
			.register(registry);
		this.registry = registry;
	}

	@Override
	public void onApplicationEvent(RdRegistrationEvent event) {
		MeterRegistry registry = this.registry;
		if (registry == null) {
			return;
		}
		String type = (event instanceof RdRegisteredEvent) ? "registered"
				: (event instanceof RdUpdatedEvent) ? "updated"
						: (event instanceof RdRemovedEvent) ? "removed" : (event instanceof RdExpiredEvent) ? "expired"
								: "other";
		Counter.builder("coap.rd.events")
			.description("Changes of resource directory registrations")
			.tag("type", type)
			.register(registry)
			.increment();
	}

}
