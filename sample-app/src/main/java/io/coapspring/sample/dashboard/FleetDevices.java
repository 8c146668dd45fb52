package io.coapspring.sample.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.event.Lwm2mRegistration;
import io.coapspring.rd.RdLink;
import io.coapspring.rd.RdQuery;
import io.coapspring.rd.RdRegistration;
import io.coapspring.rd.ResourceDirectory;
import io.coapspring.sample.Sensor;
import io.coapspring.sample.SensorService;
import io.coapspring.server.context.CoapPortInfoApplicationContextInitializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The devices this application knows, for the devices panel: its own sensors, the nodes registered in its
 * Resource Directory and the LWM2M clients registered with its LWM2M server. Each source is asked anew on every
 * call, so the list is as fresh as they are; the Resource Directory and the LWM2M server are optional.
 *
 * @since 0.1.0
 */
@Component
public class FleetDevices {

	private final SensorService sensors;

	private final ObjectProvider<ResourceDirectory> directory;

	private final ObjectProvider<Lwm2mOperations> lwm2m;

	private final ReadingHistory history;

	private final DashboardProperties properties;

	private final Environment environment;

	FleetDevices(SensorService sensors, ObjectProvider<ResourceDirectory> directory,
			ObjectProvider<Lwm2mOperations> lwm2m, ReadingHistory history, DashboardProperties properties,
			Environment environment) {
		this.sensors = sensors;
		this.directory = directory;
		this.lwm2m = lwm2m;
		this.history = history;
		this.properties = properties;
		this.environment = environment;
	}

	/**
	 * Return every device known now.
	 * @return the sensors, then the Resource Directory's nodes, then the LWM2M clients
	 */
	public List<DeviceView> devices() {
		Instant now = Instant.now();
		List<DeviceView> devices = new ArrayList<>();
		this.sensors.findAll().forEach((sensor) -> devices.add(sensor(sensor, now)));
		ResourceDirectory rd = this.directory.getIfAvailable();
		if (rd != null) {
			rd.lookupEndpoints(RdQuery.parse("")).forEach((registration) -> devices.add(node(registration, now)));
		}
		Lwm2mOperations operations = this.lwm2m.getIfAvailable();
		if (operations != null) {
			operations.getRegistrations().forEach((registration) -> devices.add(lwm2m(registration, now)));
		}
		return devices;
	}

	private DeviceView sensor(Sensor sensor, Instant now) {
		String series = ReadingObservations.sensorSeries(sensor.id());
		Instant lastSeen = this.history.lastSeen(series).orElse(null);
		boolean online = lastSeen != null && lastSeen.plus(this.properties.getOfflineAfter()).isAfter(now);
		String port = this.environment.getProperty(CoapPortInfoApplicationContextInitializer.PORT_PROPERTY, "?");
		String endpoint = this.environment.getProperty("coap.server.endpoint-name",
				this.environment.getProperty("spring.application.name", "coap-sample"));
		String path = "/sensors/" + sensor.id();
		Map<String, String> details = new LinkedHashMap<>();
		details.put("reading", sensor.celsius() + " °C");
		details.put("threshold", sensor.threshold().celsius() + " °C " + sensor.threshold().direction());
		details.put("sensorId", sensor.id());
		return new DeviceView("sensor", endpoint, sensor.name(), "coap://127.0.0.1:" + port + path,
				List.of(path, path + "/celsius", path + "/threshold"), lastSeen, online, details, List.of(series));
	}

	private DeviceView node(RdRegistration registration, Instant now) {
		List<String> resources = registration.links().stream().map(RdLink::target).toList();
		String series = ReadingObservations.nodeSeries(registration.endpoint());
		return new DeviceView("rd", registration.endpoint(), registration.endpoint(),
				registration.effectiveBase().toString(), resources, registration.updated(),
				!registration.isExpired(now), Map.of("expires", registration.expires().toString()),
				this.history.seriesIds().contains(series) ? List.of(series) : List.of());
	}

	private DeviceView lwm2m(Lwm2mRegistration registration, Instant now) {
		String address = "coap://" + registration.address().getAddress().getHostAddress() + ":"
				+ registration.address().getPort();
		boolean online = registration.lastUpdate().plus(registration.lifetime()).isAfter(now);
		String series = ReadingObservations.batterySeries(registration.endpoint());
		return new DeviceView("lwm2m", registration.endpoint(), registration.endpoint(), address,
				registration.objectLinks(), registration.lastUpdate(), online,
				Map.of("lwm2mVersion", registration.lwm2mVersion(), "lifetime", registration.lifetime().toString()),
				this.history.seriesIds().contains(series) ? List.of(series) : List.of());
	}

}
