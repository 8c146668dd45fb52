package io.coapspring.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

import org.eclipse.leshan.client.object.Device;
import org.eclipse.leshan.client.servers.LwM2mServer;
import org.eclipse.leshan.core.model.ObjectModel;
import org.eclipse.leshan.core.request.argument.Arguments;
import org.eclipse.leshan.core.response.ExecuteResponse;
import org.eclipse.leshan.core.response.ReadResponse;

/**
 * The device object (3) of the demo LWM2M device: Leshan's {@link Device} with a battery level ({@code /3/0/9})
 * that drains with {@link #drain(RandomGenerator)} and notifies its observers, and a reboot ({@code /3/0/4}) that
 * succeeds and recharges it. Public with a public constructor: Leshan derives the object's instance factory from
 * the class of its instances.
 *
 * @since 0.1.0
 */
public class DemoDeviceObject extends Device {

	private static final int REBOOT = 4;

	private static final int BATTERY_LEVEL = 9;

	private final AtomicInteger battery = new AtomicInteger(100);

	private final AtomicInteger reboots = new AtomicInteger();

	/**
	 * Create the device object of the demo device.
	 */
	public DemoDeviceObject() {
		super("CoAP Spring Boot", "Sample device", "SD-0001");
	}

	void drain(RandomGenerator random) {
		this.battery.updateAndGet((level) -> (level <= 5) ? 100 : level - random.nextInt(3));
		fireResourceChange(BATTERY_LEVEL);
	}

	int reboots() {
		return this.reboots.get();
	}

	@Override
	public ReadResponse read(LwM2mServer server, int resourceId) {
		if (resourceId == BATTERY_LEVEL) {
			return ReadResponse.success(resourceId, (long) this.battery.get());
		}
		return super.read(server, resourceId);
	}

	@Override
	public ExecuteResponse execute(LwM2mServer server, int resourceId, Arguments arguments) {
		if (resourceId == REBOOT) {
			this.reboots.incrementAndGet();
			this.battery.set(100);
			fireResourceChange(BATTERY_LEVEL);
			return ExecuteResponse.success();
		}
		return super.execute(server, resourceId, arguments);
	}

	@Override
	public List<Integer> getAvailableResourceIds(ObjectModel model) {
		List<Integer> ids = new ArrayList<>(super.getAvailableResourceIds(model));
		for (int id : new int[] { REBOOT, BATTERY_LEVEL }) {
			if (!ids.contains(id)) {
				ids.add(id);
			}
		}
		return ids;
	}

}
