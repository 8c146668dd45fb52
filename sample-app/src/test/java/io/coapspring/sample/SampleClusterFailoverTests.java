package io.coapspring.sample;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import io.coapspring.lwm2m.test.Lwm2mTestClient;
import io.coapspring.sample.dashboard.ReadingObservations;
import io.coapspring.testsupport.NginxUdpBalancer;
import io.coapspring.testsupport.RedisServer;
import org.eclipse.leshan.client.observer.LwM2mClientObserverAdapter;
import org.eclipse.leshan.client.servers.LwM2mServer;
import org.eclipse.leshan.core.LwM2mId;
import org.eclipse.leshan.core.request.UpdateRequest;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cluster failover with real processes: one {@code redis-server}, two sample application JVMs started with the
 * {@code cluster} profile, nginx (UDP, {@code hash $remote_addr consistent}) in front of their LWM2M ports, and a
 * Leshan client registered through nginx. The node holding the device's traffic is killed by its PID (SIGKILL);
 * the device's next update reaches the other node with the same registration, the observation the dead node
 * started keeps delivering there (the dashboard charts it), and the surviving node's HTTP API lists the device
 * and reads from it. A CoAP observer of a sensor of the killed node, through a second nginx, registers again
 * (RFC 7641, when Max-Age passes without a notification) and receives the surviving node's notifications.
 */
class SampleClusterFailoverTests {

	private static final Duration START = Duration.ofSeconds(120);

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String DEVICE = "failover-device";

	private static final String BATTERY_SERIES = ReadingObservations.batterySeries(DEVICE);

	@Test
	void aDeviceSurvivesTheDeathOfTheNodeProcessHoldingIt() throws Exception {
		String prefix = "--coap.cluster.key-prefix=failover-" + UUID.randomUUID() + ":";
		try (RedisServer redis = RedisServer.start()) {
			String redisPort = "--spring.data.redis.port=" + redis.getPort();
			try (SampleNodeProcess one = SampleNodeProcess.start("node-1", prefix, redisPort);
					SampleNodeProcess two = SampleNodeProcess.start("node-2", prefix, redisPort)) {
				one.awaitStarted(START);
				two.awaitStarted(START);
				failover(List.of(one, two));
			}
		}
	}

	private void failover(List<SampleNodeProcess> nodes) throws Exception {
		DemoDeviceObject device = new DemoDeviceObject();
		AtomicInteger updates = new AtomicInteger();
		List<Integer> lwm2mPorts = nodes.stream().map(SampleNodeProcess::lwm2mPort).toList();
		try (NginxUdpBalancer balancer = NginxUdpBalancer.start(lwm2mPorts);
				Lwm2mTestClient client = Lwm2mTestClient.builder(DEVICE)
					.serverUri("coap://127.0.0.1:" + balancer.getPort())
					.instances(LwM2mId.DEVICE, device)
					// short, but longer than a failover through nginx takes (about 20 s)
					.lifetime(Duration.ofSeconds(60))
					.build()) {
			client.getLeshanClient().addObserver(new LwM2mClientObserverAdapter() {

				@Override
				public void onUpdateSuccess(LwM2mServer server, UpdateRequest request) {
					updates.incrementAndGet();
				}

			});
			client.start();
			// the client's location path is /rd/<registration id>
			String location = client.awaitRegistered(WAIT);
			String registrationId = location.substring(location.lastIndexOf('/') + 1);
			// every node lists the device, with the same registration
			for (SampleNodeProcess node : nodes) {
				await().atMost(WAIT)
					.untilAsserted(() -> assertThat(registrationIds(node)).containsExactly(registrationId));
			}
			// the node that handled the registration observed the battery level (the dashboard's series): it holds
			// the device's traffic behind nginx
			await().atMost(WAIT).until(() -> nodes.stream().filter(this::chartsBattery).count() == 1);
			SampleNodeProcess holder = nodes.stream().filter(this::chartsBattery).findFirst().orElseThrow();
			SampleNodeProcess survivor = nodes.stream().filter((node) -> node != holder).findFirst().orElseThrow();
			assertThat(read(holder, "/3/0/0").getBody()).contains("CoAP Spring Boot");
			// a CoAP observer of a sensor of the same node, through nginx (round robin: its session goes to the
			// first upstream, the holder, and stays there)
			try (NginxUdpBalancer coapBalancer = NginxUdpBalancer
				.startRoundRobin(List.of(holder.coapPort(), survivor.coapPort()))) {
				// an endpoint of its own, configured in code: Californium's default endpoint would write
				// Californium3.properties into the working directory
				CoapConfig.register();
				UdpConfig.register();
				CoapEndpoint endpoint = new CoapEndpoint.Builder()
					.setConfiguration(Configuration.createStandardWithoutFile())
					.setInetSocketAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
					.build();
				CoapClient observer = new CoapClient(
						"coap://127.0.0.1:" + coapBalancer.getPort() + "/sensors/1/celsius");
				observer.setEndpoint(endpoint);
				AtomicInteger notifications = new AtomicInteger();
				CoapObserveRelation relation = observer.observe(new CoapHandler() {

					@Override
					public void onLoad(CoapResponse response) {
						notifications.incrementAndGet();
					}

					@Override
					public void onError() {
					}

				});
				try {
					await().atMost(WAIT).until(() -> notifications.get() > 1);
					killAndMove(holder, survivor, client, device, registrationId, updates, notifications);
				}
				finally {
					relation.proactiveCancel();
					observer.shutdown();
					endpoint.destroy();
				}
			}
		}
	}

	private void killAndMove(SampleNodeProcess holder, SampleNodeProcess survivor, Lwm2mTestClient client,
			DemoDeviceObject device, String registrationId, AtomicInteger updates, AtomicInteger notifications)
			throws InterruptedException {
		Random random = new Random();
		holder.kill();
		long killed = System.nanoTime();
		int notificationsBefore = notifications.get();
		int updatesBefore = updates.get();
		client.triggerUpdate();
		await().atMost(Duration.ofSeconds(60)).until(() -> updates.get() > updatesBefore);
		long failoverMillis = Duration.ofNanos(System.nanoTime() - killed).toMillis();
		System.out.printf("Sample cluster failover: %s killed (SIGKILL, PID %d); the device's update reached %s "
				+ "%d ms later%n", holder.name(), holder.pid(), survivor.name(), failoverMillis);

		// the same registration, listed and readable through the surviving node's HTTP API
		assertThat(registrationIds(survivor)).containsExactly(registrationId);
		ResponseEntity<String> read = read(survivor, "/3/0/0");
		assertThat(read.getStatusCode().value()).isEqualTo(200);
		assertThat(read.getBody()).contains("CoAP Spring Boot");
		// the observation the dead node started lives in Redis: its notifications reach the survivor, which
		// charts them
		try {
			await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
				device.drain(random);
				return chartsBattery(survivor) && batteryPoints(survivor) > 0;
			});
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("no battery notification charted by " + survivor.name() + "; its log:\n"
					+ survivor.log(), ex);
		}
		// the CoAP observer registered again (Max-Age passed without a notification, RFC 7641) and nginx
		// gave it a session to the surviving node
		await().atMost(Duration.ofSeconds(60)).until(() -> notifications.get() > notificationsBefore + 1);
		System.out.printf("Sample cluster failover: the CoAP observer receives notifications again %d ms after "
				+ "the kill%n", Duration.ofNanos(System.nanoTime() - killed).toMillis());
	}

	private List<String> registrationIds(SampleNodeProcess node) {
		String body = node.http().get().uri("/api/lwm2m/devices").retrieve().body(String.class);
		return JsonPath.read(body, "$[?(@.endpoint == '" + DEVICE + "')].registrationId");
	}

	private ResponseEntity<String> read(SampleNodeProcess node, String path) {
		return node.http()
			.get()
			.uri("/api/lwm2m/devices/{endpoint}/read?path={path}", DEVICE, path)
			.retrieve()
			.toEntity(String.class);
	}

	private boolean chartsBattery(SampleNodeProcess node) {
		String body = node.http().get().uri("/api/dashboard/series").retrieve().body(String.class);
		List<Object> series = JsonPath.read(body, "$[?(@.id == '" + BATTERY_SERIES + "')]");
		return !series.isEmpty();
	}

	private int batteryPoints(SampleNodeProcess node) {
		String body = node.http().get().uri("/api/dashboard/series").retrieve().body(String.class);
		List<Integer> sizes = JsonPath.read(body, "$[?(@.id == '" + BATTERY_SERIES + "')].points.length()");
		return sizes.isEmpty() ? 0 : sizes.get(0);
	}

}
