package io.coapspring.lwm2m.core;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.leshan.core.node.LwM2mPath;
import org.eclipse.leshan.core.observation.CompositeObservation;
import org.eclipse.leshan.core.observation.Observation;
import org.eclipse.leshan.core.observation.SingleObservation;
import org.eclipse.leshan.core.response.ObserveCompositeResponse;
import org.eclipse.leshan.core.response.ObserveResponse;
import org.eclipse.leshan.server.LeshanServer;
import org.eclipse.leshan.server.observation.ObservationListener;
import org.eclipse.leshan.server.registration.Registration;
import org.eclipse.leshan.server.registration.RegistrationListener;
import org.eclipse.leshan.server.registration.RegistrationUpdate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The template's observation listeners, keyed by registration and path, fed from Leshan's observation service.
 * Listeners of a registration are dropped when the observation is cancelled or the registration ends.
 *
 * @author CoAP Spring Boot team
 */
final class Lwm2mObservations implements ObservationListener, RegistrationListener {

	private static final Logger logger = LoggerFactory.getLogger(Lwm2mObservations.class);

	private final LeshanServer server;

	private final Map<String, List<Subscription>> subscriptions = new ConcurrentHashMap<>();

	private final Map<String, CompositeSubscription> composites = new ConcurrentHashMap<>();

	Lwm2mObservations(LeshanServer server) {
		this.server = server;
		server.getObservationService().addListener(this);
		server.getRegistrationService().addListener(this);
	}

	Subscription subscribe(String registrationId, String endpoint, LwM2mPath path, Consumer<Lwm2mContent> listener) {
		Subscription subscription = new Subscription(registrationId, endpoint, path, listener);
		this.subscriptions.computeIfAbsent(key(registrationId, path.toString()), (k) -> new CopyOnWriteArrayList<>())
			.add(subscription);
		return subscription;
	}

	void dropAll(String registrationId, String path) {
		List<Subscription> dropped = this.subscriptions.remove(key(registrationId, new LwM2mPath(path).toString()));
		if (dropped != null) {
			dropped.forEach(Subscription::end);
		}
	}

	@Override
	public void registered(Registration registration, @Nullable Registration previousReg,
			@Nullable Collection<Observation> previousObservations) {
	}

	@Override
	public void updated(RegistrationUpdate update, Registration updatedReg, Registration previousReg) {
	}

	@Override
	public void unregistered(Registration registration, @Nullable Collection<Observation> observations,
			boolean expired, @Nullable Registration newReg) {
		String prefix = registration.getId() + "|";
		this.composites.keySet().removeIf((key) -> {
			if (key.startsWith(prefix)) {
				CompositeSubscription dropped = this.composites.get(key);
				if (dropped != null) {
					dropped.active = false;
				}
				return true;
			}
			return false;
		});
		this.subscriptions.keySet().removeIf((key) -> {
			if (key.startsWith(prefix)) {
				List<Subscription> dropped = this.subscriptions.get(key);
				if (dropped != null) {
					dropped.forEach(Subscription::end);
				}
				return true;
			}
			return false;
		});
	}

	private static String key(String registrationId, String path) {
		return registrationId + "|" + path;
	}

	@Override
	public void newObservation(Observation observation, Registration registration) {
	}

	@Override
	public void cancelled(Observation observation) {
		if (observation instanceof SingleObservation single) {
			dropAll(observation.getRegistrationId(), single.getPath().toString());
		}
	}

	@Override
	public void onResponse(SingleObservation observation, Registration registration, ObserveResponse response) {
		List<Subscription> listeners = this.subscriptions.get(key(registration.getId(), observation.getPath().toString()));
		if (listeners == null || response.getContent() == null) {
			return;
		}
		Lwm2mContent content = Lwm2mNodes.toContent(observation.getPath(), response.getContent());
		for (Subscription subscription : listeners) {
			subscription.deliver(content);
		}
	}

	@Override
	public void onResponse(CompositeObservation observation, Registration registration,
			ObserveCompositeResponse response) {
		CompositeSubscription subscription = this.composites.get(compositeKey(registration.getId(), observation.getPaths()));
		if (subscription != null && response.getContent() != null) {
			subscription.deliver(contents(response.getContent()));
		}
	}

	static Map<String, Lwm2mContent> contents(Map<LwM2mPath, org.eclipse.leshan.core.node.LwM2mNode> nodes) {
		Map<String, Lwm2mContent> contents = new java.util.LinkedHashMap<>();
		nodes.forEach((path, node) -> {
			if (node != null) {
				contents.put(path.toString(), Lwm2mNodes.toContent(path, node));
			}
		});
		return contents;
	}

	CompositeSubscription subscribeComposite(String registrationId, String endpoint, List<LwM2mPath> paths,
			Consumer<Map<String, Lwm2mContent>> listener) {
		CompositeSubscription subscription = new CompositeSubscription(registrationId, endpoint, paths, listener);
		CompositeSubscription previous = this.composites.put(compositeKey(registrationId, paths), subscription);
		if (previous != null) {
			previous.active = false;
		}
		return subscription;
	}

	private static String compositeKey(String registrationId, List<LwM2mPath> paths) {
		return registrationId + "|" + paths.stream().map(LwM2mPath::toString).sorted().toList();
	}

	@Override
	public void onError(Observation observation, @Nullable Registration registration, Exception error) {
		logger.debug("LWM2M notification error for {}", observation, error);
	}

	/**
	 * The listener of one observe-composite of one registration.
	 */
	final class CompositeSubscription implements Lwm2mCompositeObservation {

		private final String registrationId;

		private final String endpoint;

		private final List<LwM2mPath> paths;

		private final Consumer<Map<String, Lwm2mContent>> listener;

		private volatile @Nullable Map<String, Lwm2mContent> initial;

		volatile boolean active = true;

		CompositeSubscription(String registrationId, String endpoint, List<LwM2mPath> paths,
				Consumer<Map<String, Lwm2mContent>> listener) {
			this.registrationId = registrationId;
			this.endpoint = endpoint;
			this.paths = List.copyOf(paths);
			this.listener = listener;
		}

		void activate(Map<String, Lwm2mContent> initial) {
			this.initial = Map.copyOf(initial);
		}

		void deliver(Map<String, Lwm2mContent> contents) {
			if (!this.active || this.initial == null) {
				return;
			}
			try {
				this.listener.accept(contents);
			}
			catch (RuntimeException ex) {
				logger.warn("LWM2M composite observation listener on '{}' failed", this.endpoint, ex);
			}
		}

		@Override
		public String endpoint() {
			return this.endpoint;
		}

		@Override
		public List<String> paths() {
			return this.paths.stream().map(LwM2mPath::toString).toList();
		}

		@Override
		public Map<String, Lwm2mContent> initialContents() {
			Map<String, Lwm2mContent> contents = this.initial;
			if (contents == null) {
				throw new IllegalStateException("Composite observation of " + paths() + " has not started");
			}
			return contents;
		}

		@Override
		public boolean isActive() {
			return this.active;
		}

		@Override
		public void cancel() {
			if (!this.active) {
				return;
			}
			this.active = false;
			Lwm2mObservations.this.composites.remove(compositeKey(this.registrationId, this.paths), this);
			Registration registration = Lwm2mObservations.this.server.getRegistrationService()
				.getById(this.registrationId);
			if (registration != null) {
				Lwm2mObservations.this.server.getObservationService()
					.cancelCompositeObservations(registration, paths().toArray(String[]::new));
			}
		}

	}

	/**
	 * One listener on one path of one registration.
	 */
	final class Subscription implements Lwm2mObservation {

		private final String registrationId;

		private final String endpoint;

		private final LwM2mPath path;

		private final Consumer<Lwm2mContent> listener;

		private volatile @Nullable Lwm2mContent initial;

		private final List<Runnable> endListeners = new CopyOnWriteArrayList<>();

		volatile boolean active = true;

		Subscription(String registrationId, String endpoint, LwM2mPath path, Consumer<Lwm2mContent> listener) {
			this.registrationId = registrationId;
			this.endpoint = endpoint;
			this.path = path;
			this.listener = listener;
		}

		void activate(Lwm2mContent initial) {
			this.initial = initial;
		}

		/**
		 * Run an action when notifications stop (cancelled here or on the server, or the registration ended).
		 */
		void onEnd(Runnable action) {
			this.endListeners.add(action);
			if (!this.active) {
				action.run();
			}
		}

		void end() {
			this.active = false;
			for (Runnable action : this.endListeners) {
				action.run();
			}
			this.endListeners.clear();
		}

		void deliver(Lwm2mContent content) {
			if (!this.active || this.initial == null) {
				return;
			}
			try {
				this.listener.accept(content);
			}
			catch (RuntimeException ex) {
				logger.warn("LWM2M observation listener for {} on '{}' failed", this.path, this.endpoint, ex);
			}
		}

		@Override
		public String endpoint() {
			return this.endpoint;
		}

		@Override
		public String path() {
			return this.path.toString();
		}

		@Override
		public Lwm2mContent initialContent() {
			Lwm2mContent content = this.initial;
			if (content == null) {
				throw new IllegalStateException("Observation of " + this.path + " has not started");
			}
			return content;
		}

		@Override
		public boolean isActive() {
			return this.active;
		}

		@Override
		public void cancel() {
			if (!this.active) {
				return;
			}
			end();
			String key = key(this.registrationId, this.path.toString());
			List<Subscription> listeners = Lwm2mObservations.this.subscriptions.get(key);
			boolean last = false;
			if (listeners != null) {
				listeners.remove(this);
				if (listeners.isEmpty()) {
					last = Lwm2mObservations.this.subscriptions.remove(key, listeners);
				}
			}
			if (last) {
				Registration registration = Lwm2mObservations.this.server.getRegistrationService()
					.getById(this.registrationId);
				if (registration != null) {
					Lwm2mObservations.this.server.getObservationService()
						.cancelObservations(registration, this.path.toString());
				}
			}
		}

	}

}
