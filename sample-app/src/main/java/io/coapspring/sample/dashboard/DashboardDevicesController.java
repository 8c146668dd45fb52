package io.coapspring.sample.dashboard;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard's read side over HTTP:
 * <pre>
 * GET /api/dashboard/devices    the devices panel (JSON)
 * GET /api/dashboard/series     the series of the chart with the readings kept (JSON)
 * GET /api/dashboard/readings   the live readings (text/event-stream: a history event, then reading events)
 * </pre>
 */
@RestController
class DashboardDevicesController {

	private static final String RETRY_AFTER_SECONDS = "10";

	private final FleetDevices devices;

	private final ReadingHistory history;

	private final ReadingBroadcaster broadcaster;

	DashboardDevicesController(FleetDevices devices, ReadingHistory history, ReadingBroadcaster broadcaster) {
		this.devices = devices;
		this.history = history;
		this.broadcaster = broadcaster;
	}

	@GetMapping("/api/dashboard/devices")
	List<DeviceView> devices() {
		return this.devices.devices();
	}

	@GetMapping("/api/dashboard/series")
	List<Series> series() {
		return this.history.snapshot();
	}

	@GetMapping(path = "/api/dashboard/readings", produces = "text/event-stream")
	ResponseEntity<SseEmitter> readings() {
		return this.broadcaster.connect(this.history.snapshot())
			.map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header("Retry-After", RETRY_AFTER_SECONDS)
				.build());
	}

}
