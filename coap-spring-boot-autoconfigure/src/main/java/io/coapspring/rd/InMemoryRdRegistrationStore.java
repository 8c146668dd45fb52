package io.coapspring.rd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The default {@link RdRegistrationStore}: the registrations of this node, in memory.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class InMemoryRdRegistrationStore implements RdRegistrationStore {

	private final Map<String, RdRegistration> byLocation = new LinkedHashMap<>();

	private long totalSize;

	private long totalLinks;

	@Override
	public synchronized @Nullable RdRegistration get(String location) {
		return this.byLocation.get(location);
	}

	@Override
	public synchronized @Nullable RdRegistration find(String endpoint, @Nullable String sector) {
		for (RdRegistration registration : this.byLocation.values()) {
			if (registration.endpoint().equals(endpoint) && Objects.equals(registration.sector(), sector)) {
				return registration;
			}
		}
		return null;
	}

	@Override
	public synchronized List<RdRegistration> getAll() {
		return new ArrayList<>(this.byLocation.values());
	}

	@Override
	public synchronized void put(RdRegistration registration) {
		Assert.notNull(registration, "'registration' must not be null");
		RdRegistration previous = this.byLocation.put(registration.location(), registration);
		if (previous != null) {
			this.totalSize -= previous.size();
			this.totalLinks -= previous.links().size();
		}
		this.totalSize += registration.size();
		this.totalLinks += registration.links().size();
	}

	@Override
	public synchronized @Nullable RdRegistration remove(String location) {
		RdRegistration removed = this.byLocation.remove(location);
		if (removed != null) {
			this.totalSize -= removed.size();
			this.totalLinks -= removed.links().size();
		}
		return removed;
	}

	@Override
	public synchronized int size() {
		return this.byLocation.size();
	}

	@Override
	public synchronized long totalSize() {
		return this.totalSize;
	}

	@Override
	public synchronized long totalLinks() {
		return this.totalLinks;
	}

}
