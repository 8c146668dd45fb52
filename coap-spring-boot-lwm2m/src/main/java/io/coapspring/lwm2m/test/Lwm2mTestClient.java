package io.coapspring.lwm2m.test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.leshan.client.LeshanClient;
import org.eclipse.leshan.client.LeshanClientBuilder;
import org.eclipse.leshan.client.californium.endpoint.CaliforniumClientEndpointsProvider;
import org.eclipse.leshan.client.californium.endpoint.coap.CoapOscoreProtocolProvider;
import org.eclipse.leshan.client.californium.endpoint.coaps.CoapsClientProtocolProvider;
import org.eclipse.leshan.client.engine.DefaultRegistrationEngineFactory;
import org.eclipse.leshan.client.object.Device;
import org.eclipse.leshan.client.object.Security;
import org.eclipse.leshan.client.object.Server;
import org.eclipse.leshan.client.observer.LwM2mClientObserverAdapter;
import org.eclipse.leshan.client.resource.LwM2mInstanceEnabler;
import org.eclipse.leshan.client.resource.ObjectsInitializer;
import org.eclipse.leshan.client.resource.SimpleInstanceEnabler;
import org.eclipse.leshan.client.servers.LwM2mServer;
import org.eclipse.leshan.core.LwM2mId;
import org.eclipse.leshan.core.model.LwM2mModel;
import org.eclipse.leshan.core.model.ObjectLoader;
import org.eclipse.leshan.core.model.ResourceModel;
import org.eclipse.leshan.core.model.StaticModel;
import org.eclipse.leshan.core.request.BindingMode;
import org.eclipse.leshan.core.request.RegisterRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * An Eclipse Leshan LWM2M client running in the same JVM, for tests and demos: it registers with a server on
 * loopback, holds the objects you give it and answers the server's requests.
 *
 * <pre class="code">
 * try (Lwm2mTestClient client = Lwm2mTestClient.builder("sensor-1")
 * 		.serverUri("coap://127.0.0.1:" + port)
 * 		.device("ACME", "Model 7", "SN-1")
 * 		.build()) {
 * 	client.start();
 * 	client.awaitRegistered(Duration.ofSeconds(5));
 * 	// lwm2mTemplate.read("sensor-1", "/3/0/0") ...
 * }
 * </pre>
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class Lwm2mTestClient implements AutoCloseable {

	private final LeshanClient client;

	private final AtomicReference<@Nullable CountDownLatch> registered = new AtomicReference<>(new CountDownLatch(1));

	private final AtomicReference<@Nullable String> registrationId = new AtomicReference<>();

	private final AtomicReference<@Nullable String> failure = new AtomicReference<>();

	private final CountDownLatch deregistered = new CountDownLatch(1);

	private Lwm2mTestClient(LeshanClient client) {
		this.client = client;
		client.addObserver(new LwM2mClientObserverAdapter() {

			@Override
			public void onRegistrationSuccess(LwM2mServer server, RegisterRequest request, String id) {
				Lwm2mTestClient.this.registrationId.set(id);
				countDown();
			}

			@Override
			public void onRegistrationFailure(LwM2mServer server, RegisterRequest request,
					org.eclipse.leshan.core.ResponseCode responseCode, String errorMessage, Exception cause) {
				Lwm2mTestClient.this.failure.set("registration failed: " + responseCode + " " + errorMessage);
				countDown();
			}

			@Override
			public void onDeregistrationSuccess(LwM2mServer server,
					org.eclipse.leshan.core.request.DeregisterRequest request) {
				Lwm2mTestClient.this.deregistered.countDown();
			}

		});
	}

	private void countDown() {
		CountDownLatch latch = this.registered.get();
		if (latch != null) {
			latch.countDown();
		}
	}

	/**
	 * Start building a client.
	 * @param endpoint the client's endpoint name
	 * @return a builder
	 */
	public static Builder builder(String endpoint) {
		return new Builder(endpoint);
	}

	/**
	 * Start the client: it registers with its server in the background.
	 */
	public void start() {
		this.client.start();
	}

	/**
	 * Wait until the client registered.
	 * @param timeout how long to wait
	 * @return the registration id the server gave
	 * @throws IllegalStateException if the registration failed or did not happen in time
	 */
	public String awaitRegistered(Duration timeout) {
		CountDownLatch latch = this.registered.get();
		try {
			if (latch != null && !latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new IllegalStateException("LWM2M test client did not register within " + timeout);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		String id = this.registrationId.get();
		if (id == null) {
			throw new IllegalStateException("LWM2M test client: " + this.failure.get());
		}
		return id;
	}

	/**
	 * Return why the last registration failed.
	 * @return the failure, or {@code null}
	 */
	public @Nullable String getRegistrationFailure() {
		return this.failure.get();
	}

	/**
	 * Send a registration update now.
	 */
	public void triggerUpdate() {
		this.client.triggerRegistrationUpdate();
	}

	/**
	 * Stop the client.
	 * @param deregister whether to deregister first
	 */
	public void stop(boolean deregister) {
		this.client.stop(deregister);
	}

	/**
	 * Wait until the client deregistered.
	 * @param timeout how long to wait
	 * @return whether it deregistered in time
	 */
	public boolean awaitDeregistered(Duration timeout) {
		try {
			return this.deregistered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Return Leshan's client (to reach its object tree or send data).
	 * @return the client
	 */
	public LeshanClient getLeshanClient() {
		return this.client;
	}

	/**
	 * Stop the client without deregistering and release its threads and socket.
	 */
	@Override
	public void close() {
		this.client.destroy(false);
	}

	/**
	 * Builds a {@link Lwm2mTestClient}.
	 */
	public static final class Builder {

		private final String endpoint;

		private String serverUri = "coap://127.0.0.1:5783";

		private Duration lifetime = Duration.ofMinutes(5);

		private boolean queueMode;

		private @Nullable String pskIdentity;

		private @Nullable String bootstrapUri;

		private byte @Nullable [] pskKey;

		private byte @Nullable [] x509Certificate;

		private byte @Nullable [] x509PrivateKey;

		private byte @Nullable [] x509ServerCertificate;

		private byte @Nullable [] rpkPublicKey;

		private byte @Nullable [] rpkPrivateKey;

		private byte @Nullable [] rpkServerPublicKey;

		private Device device = new Device("CoAP Spring Boot", "Lwm2mTestClient", "0001");

		private final Map<Integer, LwM2mInstanceEnabler[]> instances = new LinkedHashMap<>();

		private final Map<Integer, Class<? extends LwM2mInstanceEnabler>> classes = new LinkedHashMap<>();

		private final List<String> modelPaths = new ArrayList<>();

		private final List<PlainInstance> plainInstances = new ArrayList<>();

		private Builder(String endpoint) {
			Assert.hasText(endpoint, "'endpoint' must not be empty");
			this.endpoint = endpoint;
		}

		/**
		 * Set the server's URI, {@code coap://host:port} or {@code coaps://host:port}.
		 * @param serverUri the URI
		 * @return this builder
		 */
		public Builder serverUri(String serverUri) {
			this.serverUri = serverUri;
			return this;
		}

		/**
		 * Set the registration lifetime.
		 * @param lifetime the lifetime
		 * @return this builder
		 */
		public Builder lifetime(Duration lifetime) {
			this.lifetime = lifetime;
			return this;
		}

		/**
		 * Start from a bootstrap server instead of a configured LWM2M server: the client knows only the bootstrap
		 * server and gets its servers from it: {@code coap://host:port} without security, or
		 * {@code coaps://host:port} with the key given to {@link #psk(String, byte[])} or
		 * {@link #rpk(byte[], byte[], byte[])}.
		 * @param bootstrapUri the bootstrap server's URI
		 * @return this builder
		 */
		public Builder bootstrapServerUri(String bootstrapUri) {
			this.bootstrapUri = bootstrapUri;
			return this;
		}

		/**
		 * Register in queue mode.
		 * @param queueMode whether to use queue mode
		 * @return this builder
		 */
		public Builder queueMode(boolean queueMode) {
			this.queueMode = queueMode;
			return this;
		}

		/**
		 * Authenticate with a pre-shared key (the server URI must be {@code coaps://}).
		 * @param identity the PSK identity
		 * @param key the key
		 * @return this builder
		 */
		public Builder psk(String identity, byte[] key) {
			this.pskIdentity = identity;
			this.pskKey = key.clone();
			return this;
		}

		/**
		 * Authenticate with an X.509 certificate (the server URI must be {@code coaps://}); the server is
		 * authenticated by its certificate ("domain-issued certificate" usage).
		 * @param certificate the client's certificate (DER)
		 * @param privateKey the client's private key (PKCS#8 DER)
		 * @param serverCertificate the server's certificate (DER)
		 * @return this builder
		 */
		public Builder x509(byte[] certificate, byte[] privateKey, byte[] serverCertificate) {
			this.x509Certificate = certificate.clone();
			this.x509PrivateKey = privateKey.clone();
			this.x509ServerCertificate = serverCertificate.clone();
			return this;
		}

		/**
		 * Authenticate with a raw public key (the server URI must be {@code coaps://}); the server is
		 * authenticated by its own public key.
		 * @param publicKey the client's public key (DER SubjectPublicKeyInfo)
		 * @param privateKey the client's private key (PKCS#8 DER)
		 * @param serverPublicKey the server's public key (DER SubjectPublicKeyInfo)
		 * @return this builder
		 * @since 0.1.0
		 */
		public Builder rpk(byte[] publicKey, byte[] privateKey, byte[] serverPublicKey) {
			this.rpkPublicKey = publicKey.clone();
			this.rpkPrivateKey = privateKey.clone();
			this.rpkServerPublicKey = serverPublicKey.clone();
			return this;
		}

		/**
		 * Set the device object (3).
		 * @param manufacturer resource 0
		 * @param model resource 1
		 * @param serial resource 2
		 * @return this builder
		 */
		public Builder device(String manufacturer, String model, String serial) {
			this.device = new Device(manufacturer, model, serial);
			return this;
		}

		/**
		 * Add an instance of an object that holds plain values, without writing a Leshan instance class: reads
		 * answer the values, writes from the server replace them, executes succeed. Values are {@code String},
		 * integers ({@code Integer}, {@code Long}), floating point numbers, {@code Boolean}, {@code Instant},
		 * {@code byte[]}, or a {@code Map<Integer, ?>} of instance id to value for a multiple resource; each
		 * must fit the resource's type in the object model. Several calls for one object add several instances.
		 * @param objectId the object id
		 * @param instanceId the instance id
		 * @param values resource id to value
		 * @return this builder
		 * @since 0.1.0
		 */
		public Builder instance(int objectId, int instanceId, Map<Integer, ?> values) {
			this.plainInstances.add(new PlainInstance(objectId, instanceId, Map.copyOf(values)));
			return this;
		}

		private void addPlainInstances(LwM2mModel model, Map<Integer, LwM2mInstanceEnabler[]> instances) {
			for (PlainInstance plain : this.plainInstances) {
				Map<Integer, Object> values = new LinkedHashMap<>();
				plain.values().forEach((resourceId, value) -> {
					ResourceModel resource = model.getResourceModel(plain.objectId(), resourceId);
					Assert.state(resource != null, () -> "No resource /" + plain.objectId() + "/x/" + resourceId
							+ " in the client's models");
					values.put(resourceId, leshanValue(resource.type, value));
				});
				LwM2mInstanceEnabler[] existing = instances.getOrDefault(plain.objectId(),
						new LwM2mInstanceEnabler[0]);
				LwM2mInstanceEnabler[] added = java.util.Arrays.copyOf(existing, existing.length + 1);
				added[existing.length] = new SimpleInstanceEnabler(plain.instanceId(), values);
				instances.put(plain.objectId(), added);
			}
		}

		private static Object leshanValue(ResourceModel.Type type, Object value) {
			if (value instanceof Map<?, ?> multiple) {
				Map<Integer, Object> items = new LinkedHashMap<>();
				multiple.forEach((id, item) -> items.put((Integer) id, leshanValue(type, item)));
				return items;
			}
			if (value instanceof Number number && type == ResourceModel.Type.INTEGER) {
				return number.longValue();
			}
			if (value instanceof Number number && type == ResourceModel.Type.FLOAT) {
				return number.doubleValue();
			}
			if (value instanceof java.time.Instant instant) {
				return java.util.Date.from(instant);
			}
			return value;
		}

		/**
		 * Add instances of an object implemented with Leshan's client API (for behaviour beyond plain values;
		 * {@link #instance(int, int, Map)} needs no Leshan type).
		 * @param objectId the object id
		 * @param instances the instances
		 * @return this builder
		 */
		public Builder instances(int objectId, LwM2mInstanceEnabler... instances) {
			this.instances.put(objectId, instances);
			return this;
		}

		/**
		 * Let the server create instances of an object (the class needs a public no-argument constructor).
		 * @param objectId the object id
		 * @param instanceClass the instance class
		 * @return this builder
		 */
		public Builder instanceClass(int objectId, Class<? extends LwM2mInstanceEnabler> instanceClass) {
			this.classes.put(objectId, instanceClass);
			return this;
		}

		/**
		 * Add DDF files from the classpath to the client's models (Leshan's defaults are always there).
		 * @param classpathResources resource paths, for instance {@code /models/10001.xml}
		 * @return this builder
		 */
		public Builder models(String... classpathResources) {
			this.modelPaths.addAll(List.of(classpathResources));
			return this;
		}

		/**
		 * Build the client (not started).
		 * @return the client
		 */
		public Lwm2mTestClient build() {
			var models = new ArrayList<>(ObjectLoader.loadDefault());
			if (!this.modelPaths.isEmpty()) {
				try {
					models.addAll(ObjectLoader.loadDdfResources(this.modelPaths.toArray(String[]::new)));
				}
				catch (Exception ex) {
					throw new IllegalArgumentException("Cannot load models " + this.modelPaths, ex);
				}
			}
			StaticModel model = new StaticModel(models);
			Map<Integer, LwM2mInstanceEnabler[]> instances = new LinkedHashMap<>(this.instances);
			addPlainInstances(model, instances);
			ObjectsInitializer initializer = new ObjectsInitializer(model);
			boolean secure = this.serverUri.startsWith("coaps");
			if (this.bootstrapUri != null) {
				initializer.setClassForObject(LwM2mId.SECURITY, Security.class);
				initializer.setClassForObject(LwM2mId.SERVER, Server.class);
				if (this.bootstrapUri.startsWith("coaps") && this.rpkPublicKey != null) {
					initializer.setInstancesForObject(LwM2mId.SECURITY, Security.rpkBootstrap(this.bootstrapUri,
							this.rpkPublicKey, this.rpkPrivateKey, this.rpkServerPublicKey));
				}
				else if (this.bootstrapUri.startsWith("coaps")) {
					Assert.state(this.pskIdentity != null && this.pskKey != null,
							"a coaps bootstrap server needs psk(identity, key) or rpk(...)");
					initializer.setInstancesForObject(LwM2mId.SECURITY,
							Security.pskBootstrap(this.bootstrapUri, this.pskIdentity.getBytes(), this.pskKey));
				}
				else {
					initializer.setInstancesForObject(LwM2mId.SECURITY, Security.noSecBootstrap(this.bootstrapUri));
				}
			}
			else if (secure && this.x509Certificate != null) {
				initializer.setInstancesForObject(LwM2mId.SECURITY, Security.x509(this.serverUri, 123,
						this.x509Certificate, this.x509PrivateKey, this.x509ServerCertificate));
			}
			else if (secure && this.rpkPublicKey != null) {
				initializer.setInstancesForObject(LwM2mId.SECURITY, Security.rpk(this.serverUri, 123,
						this.rpkPublicKey, this.rpkPrivateKey, this.rpkServerPublicKey));
			}
			else if (secure) {
				Assert.state(this.pskIdentity != null && this.pskKey != null,
						"coaps needs psk(identity, key), x509(...) or rpk(...)");
				initializer.setInstancesForObject(LwM2mId.SECURITY,
						Security.psk(this.serverUri, 123, this.pskIdentity.getBytes(), this.pskKey));
			}
			else {
				initializer.setInstancesForObject(LwM2mId.SECURITY, Security.noSec(this.serverUri, 123));
			}
			if (this.bootstrapUri == null) {
				initializer.setInstancesForObject(LwM2mId.SERVER, new Server(123, this.lifetime.toSeconds(),
						EnumSet.of(BindingMode.U), false, BindingMode.U));
			}
			initializer.setInstancesForObject(LwM2mId.DEVICE, this.device);
			this.classes.forEach(initializer::setClassForObject);
			instances.forEach(initializer::setInstancesForObject);
			List<Integer> objectIds = new ArrayList<>(List.of(LwM2mId.SECURITY, LwM2mId.SERVER, LwM2mId.DEVICE));
			this.classes.keySet().forEach((id) -> {
				if (!objectIds.contains(id)) {
					objectIds.add(id);
				}
			});
			instances.keySet().forEach((id) -> {
				if (!objectIds.contains(id)) {
					objectIds.add(id);
				}
			});
			CaliforniumClientEndpointsProvider.Builder endpoints = new CaliforniumClientEndpointsProvider.Builder(
					new CoapOscoreProtocolProvider(), new CoapsClientProtocolProvider());
			endpoints.setClientAddress(InetAddress.getLoopbackAddress());
			LeshanClientBuilder builder = new LeshanClientBuilder(this.endpoint);
			builder.setObjects(initializer.create(objectIds.stream().mapToInt(Integer::intValue).toArray()));
			builder.setEndpointsProviders(endpoints.build());
			DefaultRegistrationEngineFactory engine = new DefaultRegistrationEngineFactory();
			engine.setQueueMode(this.queueMode);
			builder.setRegistrationEngineFactory(engine);
			return new Lwm2mTestClient(builder.build());
		}

		private record PlainInstance(int objectId, int instanceId, Map<Integer, ?> values) {
		}

	}

}
