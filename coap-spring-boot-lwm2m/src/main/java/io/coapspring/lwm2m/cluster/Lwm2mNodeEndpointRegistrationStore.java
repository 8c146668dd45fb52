package io.coapspring.lwm2m.cluster;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.leshan.core.Destroyable;
import org.eclipse.leshan.core.Startable;
import org.eclipse.leshan.core.Stoppable;
import org.eclipse.leshan.core.observation.Observation;
import org.eclipse.leshan.core.observation.ObservationIdentifier;
import org.eclipse.leshan.core.peer.LwM2mIdentity;
import org.eclipse.leshan.server.endpoint.LwM2mServerEndpoint;
import org.eclipse.leshan.server.registration.Deregistration;
import org.eclipse.leshan.server.registration.ExpirationListener;
import org.eclipse.leshan.server.registration.Registration;
import org.eclipse.leshan.server.registration.RegistrationStore;
import org.eclipse.leshan.server.registration.RegistrationUpdate;
import org.eclipse.leshan.server.registration.UpdatedRegistration;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A shared {@link RegistrationStore} as one node sees it: a registration names the server endpoint the device
 * registered with ({@link Registration#getLastEndpointUsed()}), which is another node's when the device came
 * through another node, and Leshan sends requests only from the endpoint named there. Registrations read here
 * name instead this node's endpoint of the same scheme ({@code coap}, {@code coaps}), so that any node can send
 * to the device, as far as the network lets that node's datagrams reach it (see docs/cluster.md). Writes, the
 * stored data and everything else go to the shared store unchanged.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class Lwm2mNodeEndpointRegistrationStore implements RegistrationStore, Startable, Stoppable, Destroyable {

	private final RegistrationStore delegate;

	private volatile Supplier<List<LwM2mServerEndpoint>> endpoints = List::of;

	/**
	 * Create a store; until {@link #setEndpoints(Supplier)} is called, registrations are read unchanged.
	 * @param delegate the shared store
	 */
	public Lwm2mNodeEndpointRegistrationStore(RegistrationStore delegate) {
		Assert.notNull(delegate, "'delegate' must not be null");
		this.delegate = delegate;
	}

	/**
	 * Set this node's endpoints, once the server that owns them exists (the server needs this store first).
	 * @param endpoints this node's endpoints, asked when a registration is read
	 */
	public void setEndpoints(Supplier<List<LwM2mServerEndpoint>> endpoints) {
		Assert.notNull(endpoints, "'endpoints' must not be null");
		this.endpoints = endpoints;
	}

	/**
	 * Return the shared store.
	 * @return the store this one reads and writes
	 */
	public RegistrationStore getDelegate() {
		return this.delegate;
	}

	private @Nullable Registration local(@Nullable Registration registration) {
		if (registration == null) {
			return null;
		}
		URI used = registration.getLastEndpointUsed();
		URI local = null;
		for (LwM2mServerEndpoint endpoint : this.endpoints.get()) {
			URI uri = endpoint.getURI();
			if (uri.equals(used)) {
				return registration;
			}
			if (local == null && used != null && uri.getScheme().equals(used.getScheme())) {
				local = uri;
			}
		}
		return (local != null) ? withEndpoint(registration, local) : registration;
	}

	private static Registration withEndpoint(Registration registration, URI endpoint) {
		return new Registration.Builder(registration.getId(), registration.getEndpoint(),
				registration.getClientTransportData(), endpoint)
			.registrationDate(registration.getRegistrationDate())
			.lastUpdate(registration.getLastUpdate())
			.lifeTimeInSec(registration.getLifeTimeInSec())
			.smsNumber(registration.getSmsNumber())
			.bindingMode(registration.getBindingMode())
			.queueMode(registration.getQueueMode())
			.lwM2mVersion(registration.getLwM2mVersion())
			.objectLinks(registration.getObjectLinks())
			.rootPath(registration.getRootPath())
			.supportedContentFormats(registration.getSupportedContentFormats())
			.supportedObjects(registration.getSupportedObject())
			.availableInstances(registration.getAvailableInstances())
			.additionalRegistrationAttributes(registration.getAdditionalRegistrationAttributes())
			.applicationData(registration.getApplicationData())
			.build();
	}

	@Override
	public @Nullable Deregistration addRegistration(Registration registration) {
		return this.delegate.addRegistration(registration);
	}

	@Override
	public @Nullable UpdatedRegistration updateRegistration(RegistrationUpdate update) {
		UpdatedRegistration updated = this.delegate.updateRegistration(update);
		if (updated == null) {
			return null;
		}
		return new UpdatedRegistration(local(updated.getPreviousRegistration()),
				local(updated.getUpdatedRegistration()));
	}

	@Override
	public @Nullable Registration getRegistration(String registrationId) {
		return local(this.delegate.getRegistration(registrationId));
	}

	@Override
	public @Nullable Registration getRegistrationByEndpoint(String endpoint) {
		return local(this.delegate.getRegistrationByEndpoint(endpoint));
	}

	@Override
	public @Nullable Registration getRegistrationByAdress(InetSocketAddress address) {
		return local(this.delegate.getRegistrationByAdress(address));
	}

	@Override
	public @Nullable Registration getRegistrationByIdentity(LwM2mIdentity identity) {
		return local(this.delegate.getRegistrationByIdentity(identity));
	}

	@Override
	public Iterator<Registration> getAllRegistrations() {
		Iterator<Registration> all = this.delegate.getAllRegistrations();
		return new Iterator<>() {

			@Override
			public boolean hasNext() {
				return all.hasNext();
			}

			@Override
			public Registration next() {
				return local(all.next());
			}

		};
	}

	@Override
	public @Nullable Deregistration removeRegistration(String registrationId) {
		return this.delegate.removeRegistration(registrationId);
	}

	@Override
	public Collection<Observation> addObservation(String registrationId, Observation observation,
			boolean addIfAbsent) {
		return this.delegate.addObservation(registrationId, observation, addIfAbsent);
	}

	@Override
	public @Nullable Observation getObservation(String registrationId, ObservationIdentifier observationId) {
		return this.delegate.getObservation(registrationId, observationId);
	}

	@Override
	public @Nullable Observation getObservation(ObservationIdentifier observationId) {
		return this.delegate.getObservation(observationId);
	}

	@Override
	public @Nullable Observation removeObservation(String registrationId, ObservationIdentifier observationId) {
		return this.delegate.removeObservation(registrationId, observationId);
	}

	@Override
	public Collection<Observation> getObservations(String registrationId) {
		return this.delegate.getObservations(registrationId);
	}

	@Override
	public Collection<Observation> removeObservations(String registrationId) {
		return this.delegate.removeObservations(registrationId);
	}

	@Override
	public void setExpirationListener(ExpirationListener listener) {
		this.delegate.setExpirationListener(listener);
	}

	@Override
	public void start() {
		if (this.delegate instanceof Startable startable) {
			startable.start();
		}
	}

	@Override
	public void stop() {
		if (this.delegate instanceof Stoppable stoppable) {
			stoppable.stop();
		}
	}

	@Override
	public void destroy() {
		if (this.delegate instanceof Destroyable destroyable) {
			destroyable.destroy();
		}
	}

}
