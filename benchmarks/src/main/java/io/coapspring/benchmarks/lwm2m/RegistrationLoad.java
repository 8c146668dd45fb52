package io.coapspring.benchmarks.lwm2m;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;

/**
 * Registers many LWM2M endpoints as fast as a window allows: each registration is one CoAP {@code POST /rd} with
 * its own endpoint name ({@code ep}), sent from one of a few Californium client sockets, so that no Leshan client
 * (threads, object tree) is needed per simulated device. The registrations stay: they are what the memory figure
 * divides by.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class RegistrationLoad implements AutoCloseable {

	private static final String LINKS = "</>;rt=\"oma.lwm2m\",</1/0>,</3/0>,</3303/0>";

	private final List<CoapEndpoint> endpoints = new ArrayList<>();

	/**
	 * Open the client sockets on loopback.
	 * @param sockets how many
	 */
	public RegistrationLoad(int sockets) {
		CoapConfig.register();
		UdpConfig.register();
		Configuration configuration = Configuration.createStandardWithoutFile();
		for (int i = 0; i < sockets; i++) {
			CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(configuration)
				.setInetSocketAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
				.build();
			try {
				endpoint.start();
			}
			catch (java.io.IOException ex) {
				close();
				throw new IllegalStateException("Cannot open a client socket on loopback", ex);
			}
			this.endpoints.add(endpoint);
		}
	}

	/**
	 * Register {@code count} endpoints named {@code prefix0 .. prefix(count-1)} with at most {@code window}
	 * registrations in flight.
	 * @param server the server's plain CoAP address
	 * @param prefix the endpoint name prefix
	 * @param count how many registrations
	 * @param window how many in flight at once
	 * @param timeout the bound on the whole run
	 * @return what was created, refused or lost, and how long it took
	 * @throws InterruptedException if interrupted while waiting
	 */
	Result register(InetSocketAddress server, String prefix, int count, int window, Duration timeout)
			throws InterruptedException {
		return register(List.of(server), prefix, count, window, timeout);
	}

	/**
	 * Register {@code count} endpoints named {@code prefix0 .. prefix(count-1)} on several servers with at most
	 * {@code window} registrations in flight: the sockets are spread over the servers (socket {@code s} always
	 * talks to server {@code s % servers.size()}), as a UDP load balancer hashing the source address would.
	 * @param servers the servers' plain CoAP addresses
	 * @param prefix the endpoint name prefix
	 * @param count how many registrations
	 * @param window how many in flight at once
	 * @param timeout the bound on the whole run
	 * @return what was created, refused or lost, and how long it took
	 * @throws InterruptedException if interrupted while waiting
	 */
	public Result register(List<InetSocketAddress> servers, String prefix, int count, int window, Duration timeout)
			throws InterruptedException {
		Semaphore inFlight = new Semaphore(window);
		CountDownLatch done = new CountDownLatch(count);
		AtomicInteger created = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		AtomicInteger lost = new AtomicInteger();
		long deadline = System.nanoTime() + timeout.toNanos();
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			if (!inFlight.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
				break;
			}
			int socket = i % this.endpoints.size();
			Request request = registerRequest(servers.get(socket % servers.size()), prefix + i);
			AtomicBoolean counted = new AtomicBoolean();
			request.addMessageObserver(new MessageObserverAdapter() {

				@Override
				public void onResponse(Response response) {
					if (counted.compareAndSet(false, true)) {
						(response.getCode() == ResponseCode.CREATED ? created : refused).incrementAndGet();
						inFlight.release();
						done.countDown();
					}
				}

				@Override
				protected void failed() {
					if (counted.compareAndSet(false, true)) {
						lost.incrementAndGet();
						inFlight.release();
						done.countDown();
					}
				}

			});
			this.endpoints.get(socket).sendRequest(request);
		}
		boolean finished = done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		long nanos = System.nanoTime() - start;
		int unanswered = finished ? 0 : (int) done.getCount();
		return new Result(created.get(), refused.get(), lost.get() + unanswered, nanos);
	}

	private static Request registerRequest(InetSocketAddress server, String endpointName) {
		Request request = Request.newPost();
		request.setDestinationContext(new AddressEndpointContext(server));
		request.getOptions()
			.addUriPath("rd")
			.addUriQuery("ep=" + endpointName)
			.addUriQuery("lt=3600")
			.addUriQuery("lwm2m=1.1")
			.addUriQuery("b=U")
			.setContentFormat(MediaTypeRegistry.APPLICATION_LINK_FORMAT);
		request.setPayload(LINKS);
		return request;
	}

	@Override
	public void close() {
		this.endpoints.forEach(CoapEndpoint::destroy);
		this.endpoints.clear();
	}

	/**
	 * The outcome of one registration run.
	 * @param created answered 2.01 Created
	 * @param refused answered with another code
	 * @param lost not answered (timeout, send error) or still open when the run's bound passed
	 * @param nanos from the first request to the last answer
	 */
	public record Result(int created, int refused, int lost, long nanos) {

		/**
		 * Return the registrations created per second.
		 * @return created / elapsed seconds
		 */
		public double perSecond() {
			return this.created * 1e9 / this.nanos;
		}

	}

}
