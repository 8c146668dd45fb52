package io.coapspring.lwm2m.core;

import java.util.Map;

import org.eclipse.leshan.client.resource.SimpleInstanceEnabler;
import org.eclipse.leshan.client.servers.LwM2mServer;
import org.eclipse.leshan.core.node.LwM2mSingleResource;
import org.eclipse.leshan.core.request.argument.Arguments;
import org.eclipse.leshan.core.response.ExecuteResponse;

/**
 * Object 10500 (src/test/resources/lwm2m-test/10500.xml) on the test client: resource 3 (Reset) sets the
 * temperature (4) to its argument, or to 20.
 */
public class TestThermostat extends SimpleInstanceEnabler {

	public TestThermostat() {
	}

	TestThermostat(int id, String name, double setpoint, double temperature) {
		// Leshan's SimpleInstanceEnabler cannot write a multiple resource that has no value yet (NPE), so tags start set
		super(id, Map.of(0, name, 1, setpoint, 4, temperature, 5, true, 6, Map.of(0, "new")));
	}

	@Override
	public ExecuteResponse execute(LwM2mServer server, int resourceId, Arguments arguments) {
		if (resourceId != 3) {
			return super.execute(server, resourceId, arguments);
		}
		double value = 20;
		if (!arguments.isEmpty()) {
			value = Double.parseDouble(arguments.get(0).getValue());
		}
		this.resources.put(4, LwM2mSingleResource.newFloatResource(4, value));
		fireResourceChange(4);
		return ExecuteResponse.success();
	}

	void setTemperature(double value) {
		this.resources.put(4, LwM2mSingleResource.newFloatResource(4, value));
		fireResourceChange(4);
	}

}
