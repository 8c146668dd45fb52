package io.coapspring.testsupport;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * A real UDP load balancer for tests: nginx with its stream module (Debian {@code nginx} and
 * {@code libnginx-mod-stream}) on a free port of 127.0.0.1, in front of the given upstream ports, with
 * {@code hash $remote_addr consistent} affinity and one failure marking an upstream down. It runs with a
 * configuration generated in its own temporary directory ({@code -p}, {@code -c}, {@code daemon off}) and is
 * stopped by its PID. Missing nginx skips the calling test, or fails it on CI ({@code CI=true}).
 */
public final class NginxUdpBalancer implements AutoCloseable {

	private static final Path NGINX = Path.of("/usr/sbin/nginx");

	private static final Path STREAM_MODULE = Path.of("/usr/lib/nginx/modules/ngx_stream_module.so");

	private final Path directory;

	private final Process process;

	private final int port;

	private NginxUdpBalancer(Path directory, Process process, int port) {
		this.directory = directory;
		this.process = process;
		this.port = port;
	}

	/**
	 * Start nginx in front of the given UDP ports of 127.0.0.1, or skip (fail on CI) when it is not installed.
	 * @param upstreams the upstream ports
	 * @return the running balancer
	 * @throws IOException if it cannot be started
	 */
	public static NginxUdpBalancer start(List<Integer> upstreams) throws IOException {
		return start(upstreams, "hash $remote_addr consistent;");
	}

	/**
	 * Start nginx in front of the given UDP ports of 127.0.0.1 with round robin: a client's first session goes to
	 * the first upstream, and a session stays with its upstream until it fails or times out. Skips (fails on CI)
	 * when nginx is not installed.
	 * @param upstreams the upstream ports, in order
	 * @return the running balancer
	 * @throws IOException if it cannot be started
	 */
	public static NginxUdpBalancer startRoundRobin(List<Integer> upstreams) throws IOException {
		return start(upstreams, "");
	}

	private static NginxUdpBalancer start(List<Integer> upstreams, String balancing) throws IOException {
		if (!Files.isExecutable(NGINX) || !Files.exists(STREAM_MODULE)) {
			String message = "nginx with the stream module is not installed: "
					+ "'apt-get install nginx libnginx-mod-stream' to run this test";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				fail(message + " (CI installs them in .ci/run)");
			}
			abort(message);
		}
		Path directory = Files.createTempDirectory("coap-nginx");
		int port;
		try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		String servers = upstreams.stream()
			.map((upstream) -> "\t\tserver 127.0.0.1:" + upstream + " max_fails=1 fail_timeout=60s;")
			.collect(Collectors.joining("\n"));
		String configuration = """
				load_module %s;
				daemon off;
				worker_processes 1;
				pid %s;
				error_log %s info;
				events {
					worker_connections 64;
				}
				stream {
					upstream backend {
						%s
				%s
					}
					server {
						listen 127.0.0.1:%d udp;
						proxy_pass backend;
						proxy_timeout 20s;
					}
				}
				""".formatted(STREAM_MODULE, directory.resolve("nginx.pid"), directory.resolve("error.log"), balancing,
				servers, port);
		Path file = directory.resolve("nginx.conf");
		Files.writeString(file, configuration);
		Process process = new ProcessBuilder(NGINX.toString(), "-p", directory.toString(), "-c", file.toString(),
				"-e", directory.resolve("error.log").toString())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("nginx.out").toFile())
			.start();
		NginxUdpBalancer balancer = new NginxUdpBalancer(directory, process, port);
		try {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> !process.isAlive() || balancer.log().contains("start worker process"));
			if (!process.isAlive()) {
				throw new IOException("nginx exited: " + balancer.log());
			}
		}
		catch (IOException | RuntimeException ex) {
			balancer.close();
			throw ex;
		}
		return balancer;
	}

	/**
	 * Return the port the balancer listens on.
	 * @return the UDP port on 127.0.0.1
	 */
	public int getPort() {
		return this.port;
	}

	/**
	 * Return nginx's error log (info level: upstream failures and sessions).
	 * @return the log, empty if there is none yet
	 */
	public String log() {
		try {
			Path log = this.directory.resolve("error.log");
			return Files.exists(log) ? Files.readString(log) : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

	@Override
	public void close() {
		ProcessHandle.of(this.process.pid()).ifPresent(ProcessHandle::destroy);
		try {
			if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
				ProcessHandle.of(this.process.pid()).ifPresent(ProcessHandle::destroyForcibly);
				this.process.waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// best effort: the temporary directory is left behind
		}
	}

}
