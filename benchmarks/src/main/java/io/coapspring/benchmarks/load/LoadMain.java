package io.coapspring.benchmarks.load;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * One load run from the command line, against a server you started yourself on loopback:
 * {@code java -cp benchmarks/target/coap-spring-boot-benchmarks.jar io.coapspring.benchmarks.load.LoadMain
 * <port> <W> <seconds> [path] [sockets] [server PID]}. Sends CON GETs and prints the result.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
public final class LoadMain {

	private LoadMain() {
	}

	/**
	 * Run.
	 * @param args port, W, seconds, and optionally path (default {@code /hello}), sockets (default 8) and the
	 * server's PID for its CPU time
	 * @throws Exception if the run fails
	 */
	public static void main(String[] args) throws Exception {
		if (args.length < 3) {
			System.err.println("Usage: LoadMain <port> <W> <seconds> [path] [sockets] [server PID]");
			System.exit(2);
		}
		InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
		int window = Integer.parseInt(args[1]);
		Duration duration = Duration.ofMillis((long) (Double.parseDouble(args[2]) * 1000));
		String path = (args.length > 3) ? args[3] : "/hello";
		int sockets = (args.length > 4) ? Integer.parseInt(args[4]) : 8;
		long pid = (args.length > 5) ? Long.parseLong(args[5]) : -1;
		byte[] request = CoapCodec.request(CoapCodec.GET, path, false, -1, null);
		System.out.println(LoadGenerator.run(LoadSpec.burst(target, request, window, Math.min(window, sockets),
				duration, pid)));
	}

}
