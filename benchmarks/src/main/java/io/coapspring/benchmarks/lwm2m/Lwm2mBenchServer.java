package io.coapspring.benchmarks.lwm2m;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;

/**
 * An LWM2M server under load: the starter's auto-configured one ({@link StarterLwm2mServer}) or a plain Leshan
 * server built with the same settings ({@link RawLeshanServer}).
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
interface Lwm2mBenchServer extends AutoCloseable {

	/**
	 * Return the name shown in the report.
	 * @return the name
	 */
	String name();

	/**
	 * Return the address of the plain CoAP endpoint.
	 * @return the bound address
	 */
	InetSocketAddress address();

	/**
	 * Return how many clients are registered now.
	 * @return the count
	 */
	int registrations();

	/**
	 * Read {@code /3/0/0} (TLV) of a registered client.
	 * @param endpoint the client's endpoint name
	 * @return completes with the decoded content, or exceptionally
	 */
	CompletableFuture<?> read(String endpoint);

	@Override
	void close();

	/**
	 * Count the registrations of a Leshan registration service's iterator.
	 * @param registrations the iterator
	 * @return how many it yields
	 */
	static int count(java.util.Iterator<?> registrations) {
		int count = 0;
		while (registrations.hasNext()) {
			registrations.next();
			count++;
		}
		return count;
	}

}
