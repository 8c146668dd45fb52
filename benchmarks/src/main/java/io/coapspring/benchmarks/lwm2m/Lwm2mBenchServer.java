package io.coapspring.benchmarks.lwm2m;

import java.net.InetSocketAddress;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;

import org.eclipse.leshan.server.LeshanServer;

/**
 * An LWM2M server under load: the starter's auto-configured one ({@link StarterLwm2mServer}) or a plain Leshan
 * server built with the same settings ({@link RawLeshanServer}).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
interface Lwm2mBenchServer extends AutoCloseable {

	/**
	 * Return the address of the plain CoAP endpoint.
	 * @return the bound address
	 */
	InetSocketAddress address();

	/**
	 * Return the Leshan server underneath.
	 * @return the server
	 */
	LeshanServer leshan();

	/**
	 * Return how many clients are registered now.
	 * @return the count
	 */
	default int registrations() {
		int count = 0;
		for (Iterator<?> all = leshan().getRegistrationService().getAllRegistrations(); all.hasNext(); all.next()) {
			count++;
		}
		return count;
	}

	/**
	 * Read {@code /3/0/0} (TLV) of a registered client.
	 * @param endpoint the client's endpoint name
	 * @return completes with the decoded content, or exceptionally
	 */
	CompletableFuture<?> read(String endpoint);

	@Override
	void close();

}
