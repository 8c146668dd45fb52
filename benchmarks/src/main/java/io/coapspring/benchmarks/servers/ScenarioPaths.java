package io.coapspring.benchmarks.servers;

/**
 * The resources every benchmark server offers, and what they answer.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class ScenarioPaths {

	/** GET answers 2.05 with {@link #HELLO_PAYLOAD} as text/plain. */
	public static final String HELLO = "/hello";

	/** The 5 bytes of text the GET scenario answers. */
	public static final String HELLO_PAYLOAD = "hello";

	/** POST with a JSON {@link Reading} answers 2.04, or 4.00 when invalid, 4.15 when not JSON. */
	public static final String READING = "/reading";

	/** An observable resource whose state is {@code "<sequence> <nanoTime of the change>"}. */
	public static final String OBSERVE = "/observe";

	/** GET runs a full GC and answers {@code "<used heap bytes> <committed heap bytes>"}. */
	public static final String ADMIN_HEAP = "/admin/heap";

	/**
	 * POST {@code "<changes per second> <seconds>"} starts changing {@link #OBSERVE} in the background; 0 changes
	 * per second means as fast as the server sends the notifications.
	 */
	public static final String ADMIN_CHANGE = "/admin/change";

	/**
	 * GET answers {@code "<changes> <notifications sent> <observers> <running>"} of the last change run.
	 */
	public static final String ADMIN_STATS = "/admin/stats";

	private ScenarioPaths() {
	}

}
