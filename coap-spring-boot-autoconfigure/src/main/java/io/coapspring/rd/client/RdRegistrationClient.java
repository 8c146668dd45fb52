package io.coapspring.rd.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.coapspring.client.CoapClientResponseException;
import io.coapspring.client.CoapOperations;
import io.coapspring.client.CoapRequestEntity;
import io.coapspring.client.discovery.WebLink;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.context.CoapServerLifecycle;
import io.coapspring.server.discovery.CoapLinksChangedEvent;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Registers this application's links with a Resource Directory (RFC 9176 section 5.3) once the CoAP server runs,
 * and keeps the registration: it finds the registration interface ({@code rt=core.rd}) when given only a host or
 * a multicast group, refreshes the registration after three quarters of its lifetime, registers again when the
 * directory lost it (4.04 on an update) or an attempt failed, and removes it on a graceful shutdown.
 * <p>
 * Every refresh reads the links again: when they differ from those the directory holds, the update carries them
 * (RFC 9176 section 5.3.1, registration update with a payload), and a directory that refuses such an update is
 * sent a registration again, which replaces the links at the same location. A {@link CoapLinksChangedEvent}, or
 * {@link #linksChanged()}, sends changed links at once instead of at the next refresh. Requests go
 * through the given {@link CoapOperations}, normally one bound to the server's own endpoint, so that the directory
 * sees the server's address as the registration's source.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public class RdRegistrationClient implements SmartLifecycle, ApplicationListener<CoapLinksChangedEvent> {

	private static final Log logger = LogFactory.getLog(RdRegistrationClient.class);

	private final CoapOperations client;

	private final RdLinkSource linkSource;

	private final RdClientSettings settings;

	private final ApplicationEventPublisher publisher;

	private final @Nullable Supplier<URI> ownDirectory;

	private volatile RdClientState state = RdClientState.STOPPED;

	private volatile @Nullable URI location;

	private volatile @Nullable String lastFailure;

	private volatile @Nullable String registeredLinks;

	private @Nullable ScheduledExecutorService executor;

	private @Nullable ScheduledFuture<?> next;

	/**
	 * Create the client.
	 * @param client sends the requests
	 * @param linkSource the links to register
	 * @param settings how to register
	 * @param publisher publishes {@link RdClientRegisteredEvent} and {@link RdClientRegistrationFailedEvent}
	 */
	public RdRegistrationClient(CoapOperations client, RdLinkSource linkSource, RdClientSettings settings,
			ApplicationEventPublisher publisher) {
		this(client, linkSource, settings, publisher, null);
	}

	/**
	 * Create a client that may register with the directory this application runs itself.
	 * @param client sends the requests
	 * @param linkSource the links to register
	 * @param settings how to register; without a directory, the one of {@code ownDirectory}
	 * @param publisher publishes {@link RdClientRegisteredEvent} and {@link RdClientRegistrationFailedEvent}
	 * @param ownDirectory the registration interface of this application's own directory, known once its server
	 * runs, or {@code null}
	 */
	public RdRegistrationClient(CoapOperations client, RdLinkSource linkSource, RdClientSettings settings,
			ApplicationEventPublisher publisher, @Nullable Supplier<URI> ownDirectory) {
		Assert.notNull(client, "'client' must not be null");
		Assert.notNull(linkSource, "'linkSource' must not be null");
		Assert.notNull(settings, "'settings' must not be null");
		Assert.notNull(publisher, "'publisher' must not be null");
		this.client = client;
		this.linkSource = linkSource;
		this.settings = settings;
		this.publisher = publisher;
		this.ownDirectory = ownDirectory;
		Assert.isTrue(settings.directory() != null || ownDirectory != null,
				"Without a directory in the settings, 'ownDirectory' must not be null");
	}

	/**
	 * Return the directory this client registers with.
	 * @return the configured directory, or the registration interface of this application's own directory
	 */
	public URI getDirectory() {
		URI directory = this.settings.directory();
		return (directory != null) ? directory : Objects.requireNonNull(this.ownDirectory).get();
	}

	/**
	 * Return the state of the registration.
	 * @return the state
	 */
	public RdClientState getState() {
		return this.state;
	}

	/**
	 * Return the registration resource.
	 * @return its absolute URI, or {@code null} while not registered
	 */
	public @Nullable URI getLocation() {
		return this.location;
	}

	/**
	 * Return why the last attempt failed.
	 * @return the reason, or {@code null} if the last attempt succeeded
	 */
	public @Nullable String getLastFailure() {
		return this.lastFailure;
	}

	/**
	 * Return the settings.
	 * @return the settings
	 */
	public RdClientSettings getSettings() {
		return this.settings;
	}

	/**
	 * Send the links to the directory now if they changed since they were last sent, instead of at the next
	 * refresh; nothing happens while the client is not registered (a registration sends the links of that moment).
	 */
	public void linksChanged() {
		if (this.location != null) {
			schedule(this::refresh, Duration.ZERO);
		}
	}

	/**
	 * Call {@link #linksChanged()}.
	 * @param event the event
	 */
	@Override
	public void onApplicationEvent(CoapLinksChangedEvent event) {
		linksChanged();
	}

	@Override
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "coap-rd-client");
			thread.setDaemon(true);
			return thread;
		});
		this.executor = executor;
		this.state = RdClientState.REGISTERING;
		executor.execute(this::register);
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor;
		synchronized (this) {
			executor = this.executor;
			this.executor = null;
			this.next = null;
		}
		if (executor == null) {
			return;
		}
		executor.shutdownNow();
		try {
			executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		URI registration = this.location;
		if (registration != null && this.settings.removeOnShutdown()) {
			try {
				this.client.exchange(CoapRequestEntity.method(Code.DELETE, registration).build(), Void.class);
				logger.info("Removed the registration " + registration + " from the resource directory");
			}
			catch (RuntimeException ex) {
				logger.warn("Could not remove the registration " + registration + ": " + ex.getMessage());
			}
		}
		this.location = null;
		this.registeredLinks = null;
		this.state = RdClientState.STOPPED;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	/**
	 * Start after the CoAP server, stop before it.
	 */
	@Override
	public int getPhase() {
		return CoapServerLifecycle.PHASE + 1;
	}

	private void register() {
		try {
			URI registrationInterface = registrationInterface();
			String links = this.linkSource.getLinks();
			CoapResponseEntity<Void> response = this.client.exchange(
					CoapRequestEntity.method(Code.POST, withQuery(registrationInterface, registrationQuery()))
						.contentFormat(MediaTypeRegistry.APPLICATION_LINK_FORMAT)
						.body(links.getBytes(StandardCharsets.UTF_8)),
					Void.class);
			if (response.getCode() != ResponseCode.CREATED || response.getLocationPath().isEmpty()) {
				throw new IllegalStateException(
						"the directory answered " + response.getCode() + " without a Location-Path");
			}
			URI registered = registrationInterface.resolve("/" + response.getLocationPath());
			boolean wasRegistered = registered.equals(this.location);
			this.location = registered;
			this.registeredLinks = links;
			this.lastFailure = null;
			this.state = RdClientState.REGISTERED;
			if (!wasRegistered) {
				logger.info("Registered '" + this.settings.endpointName() + "' with the resource directory at "
						+ registered);
			}
			this.publisher.publishEvent(new RdClientRegisteredEvent(this, registered));
			schedule(this::refresh, this.settings.refreshInterval());
		}
		catch (RuntimeException ex) {
			failed("Registration with " + getDirectory() + " failed: " + describe(ex));
		}
	}

	private void refresh() {
		URI registration = this.location;
		if (registration == null) {
			register();
			return;
		}
		String links;
		try {
			links = this.linkSource.getLinks();
		}
		catch (RuntimeException ex) {
			failed("Reading the links to register failed: " + describe(ex));
			return;
		}
		boolean changed = !links.equals(this.registeredLinks);
		try {
			this.client.exchange(update(registration, changed ? links : null), Void.class);
			if (changed) {
				this.registeredLinks = links;
				logger.info("Sent the changed links of '" + this.settings.endpointName() + "' to " + registration);
			}
			this.lastFailure = null;
			this.state = RdClientState.REGISTERED;
			schedule(this::refresh, this.settings.refreshInterval());
		}
		catch (CoapClientResponseException ex) {
			if (ex.getCode() == ResponseCode.NOT_FOUND) {
				logger.info("The resource directory lost the registration " + registration + ": registering again");
				this.location = null;
				register();
				return;
			}
			if (changed && ex.getCode().codeClass == 4) {
				// some directories (aiocoap-rd) take new links only with a registration, which replaces them
				logger.info("The resource directory refused the changed links in an update (" + describe(ex)
						+ "): registering again");
				register();
				return;
			}
			failed("Refreshing " + registration + " failed: " + describe(ex));
		}
		catch (RuntimeException ex) {
			failed("Refreshing " + registration + " failed: " + describe(ex));
		}
	}

	private void failed(String reason) {
		this.lastFailure = reason;
		this.state = RdClientState.FAILED;
		logger.warn(reason + "; trying again in " + this.settings.retryInterval());
		this.publisher.publishEvent(new RdClientRegistrationFailedEvent(this, reason));
		// registering again with the same name replaces the registration at the same location
		schedule(this::register, this.settings.retryInterval());
	}

	/**
	 * Schedule the next task, replacing the one scheduled before, so that one chain of refreshes runs.
	 */
	private synchronized void schedule(Runnable task, Duration delay) {
		if (this.executor != null && !this.executor.isShutdown()) {
			ScheduledFuture<?> previous = this.next;
			if (previous != null) {
				previous.cancel(false);
			}
			this.next = this.executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private static CoapRequestEntity<?> update(URI registration, @Nullable String links) {
		if (links == null) {
			return CoapRequestEntity.method(Code.POST, registration).build();
		}
		return CoapRequestEntity.method(Code.POST, registration)
			.contentFormat(MediaTypeRegistry.APPLICATION_LINK_FORMAT)
			.body(links.getBytes(StandardCharsets.UTF_8));
	}

	private URI registrationInterface() {
		URI directory = getDirectory();
		String path = directory.getRawPath();
		if (path != null && !path.isEmpty() && !path.equals("/")) {
			return directory;
		}
		List<WebLink> links = this.client.discover(directory.toString(), "rt=core.rd");
		if (links.isEmpty()) {
			throw new IllegalStateException("no link with rt=core.rd in " + directory + "/.well-known/core");
		}
		return links.get(0).getUri();
	}

	private List<String> registrationQuery() {
		List<String> query = new ArrayList<>();
		query.add("ep=" + this.settings.endpointName());
		if (this.settings.sector() != null) {
			query.add("d=" + this.settings.sector());
		}
		query.add("lt=" + this.settings.lifetime().getSeconds());
		if (this.settings.base() != null) {
			query.add("base=" + this.settings.base());
		}
		if (!this.settings.endpointTypes().isEmpty()) {
			query.add("et=" + String.join(" ", this.settings.endpointTypes()));
		}
		return query;
	}

	private static URI withQuery(URI uri, List<String> query) {
		try {
			return new URI(uri.getScheme(), uri.getRawAuthority(), uri.getPath(), String.join("&", query), null);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("Cannot add " + query + " to " + uri, ex);
		}
	}

	private static String describe(Throwable ex) {
		if (ex instanceof CoapClientResponseException response) {
			return response.getCode() + " " + response.getResponsePayloadAsString();
		}
		return String.valueOf(ex.getMessage());
	}

}
