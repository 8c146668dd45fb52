package io.coapspring.sample;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Service;

/**
 * The application's logic, shared by its HTTP and CoAP faces.
 */
@Service
public class GreetingService {

	private final AtomicLong greetings = new AtomicLong();

	/**
	 * Greet someone and count the greeting.
	 * @param name who to greet
	 * @return the greeting
	 */
	public String greet(String name) {
		this.greetings.incrementAndGet();
		return "Hello, " + name + "!";
	}

	/**
	 * Return how many greetings were given over either protocol.
	 * @return the count
	 */
	public long count() {
		return this.greetings.get();
	}

}
