package io.coapspring.sample;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;

import io.coapspring.lwm2m.server.Lwm2mServerLifecycle;
import io.coapspring.lwm2m.test.Lwm2mTestClient;
import org.eclipse.leshan.core.LwM2mId;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * A demo LWM2M device (Leshan's client, endpoint {@code sample-device}) that registers with this application's
 * own LWM2M server, so that {@code /api/lwm2m/devices} and the dashboard have something to manage: its battery level
 * ({@code /3/0/9}) drains every {@code sample.simulators.interval} and its reboot ({@code /3/0/4}) recharges it
 * ({@link DemoDeviceObject}). Started with {@code sample.lwm2m-device.enabled=true}, which follows
 * {@code sample.simulators.enabled} in {@code application.yml}, while the LWM2M server runs.
 */
@Component
@ConditionalOnBooleanProperty("sample.lwm2m-device.enabled")
@ConditionalOnBooleanProperty(name = "coap.lwm2m.server.enabled", matchIfMissing = true)
class SampleLwm2mDevice implements SmartLifecycle {

	private final Environment environment;

	private final TaskScheduler scheduler;

	private final Random random = new Random();

	private volatile @Nullable Lwm2mTestClient client;

	private volatile @Nullable ScheduledFuture<?> drain;

	SampleLwm2mDevice(Environment environment, TaskScheduler scheduler) {
		this.environment = environment;
		this.scheduler = scheduler;
	}

	@Override
	public void start() {
		int port = this.environment.getRequiredProperty(Lwm2mServerLifecycle.PORT_PROPERTY, Integer.class);
		DemoDeviceObject deviceObject = new DemoDeviceObject();
		Lwm2mTestClient device = Lwm2mTestClient.builder("sample-device")
			.serverUri("coap://127.0.0.1:" + port)
			.instances(LwM2mId.DEVICE, deviceObject)
			.lifetime(Duration.ofMinutes(5))
			.build();
		device.start();
		this.client = device;
		Duration interval = this.environment.getProperty("sample.simulators.interval", Duration.class,
				Duration.ofSeconds(1));
		this.drain = this.scheduler.scheduleAtFixedRate(() -> deviceObject.drain(this.random), interval);
	}

	@Override
	public void stop() {
		ScheduledFuture<?> drain = this.drain;
		this.drain = null;
		if (drain != null) {
			drain.cancel(false);
		}
		Lwm2mTestClient device = this.client;
		this.client = null;
		if (device != null) {
			device.stop(true);
			device.awaitDeregistered(Duration.ofSeconds(2));
			device.close();
		}
	}

	@Override
	public boolean isRunning() {
		return this.client != null;
	}

	/**
	 * Start after the LWM2M server, stop before it.
	 * @return the phase
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 256;
	}

}
