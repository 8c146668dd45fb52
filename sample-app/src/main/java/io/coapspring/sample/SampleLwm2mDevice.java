package io.coapspring.sample;

import java.time.Duration;

import io.coapspring.lwm2m.server.Lwm2mServerLifecycle;
import io.coapspring.lwm2m.test.Lwm2mTestClient;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A demo LWM2M device (Leshan's client, endpoint {@code sample-device}) that registers with this application's
 * own LWM2M server, so that {@code /api/lwm2m/devices} has something to manage. Started with
 * {@code sample.lwm2m-device.enabled=true}.
 */
@Component
@ConditionalOnBooleanProperty("sample.lwm2m-device.enabled")
class SampleLwm2mDevice implements SmartLifecycle {

	private final Environment environment;

	private volatile @Nullable Lwm2mTestClient client;

	SampleLwm2mDevice(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void start() {
		int port = this.environment.getRequiredProperty(Lwm2mServerLifecycle.PORT_PROPERTY, Integer.class);
		Lwm2mTestClient device = Lwm2mTestClient.builder("sample-device")
			.serverUri("coap://127.0.0.1:" + port)
			.device("CoAP Spring Boot", "Sample device", "SD-0001")
			.lifetime(Duration.ofMinutes(5))
			.build();
		device.start();
		this.client = device;
	}

	@Override
	public void stop() {
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
