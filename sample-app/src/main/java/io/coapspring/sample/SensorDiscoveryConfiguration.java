package io.coapspring.sample;

import io.coapspring.server.discovery.CoapLinkInstance;
import io.coapspring.server.discovery.CoapLinkInstances;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lists every sensor in {@code /.well-known/core}: {@code /sensors/{id}} and {@code /sensors/{id}/celsius} are
 * patterns, which discovery never lists as such, so these beans supply their instances, one link per sensor
 * with the sensor's name as its title, next to the attributes of the mappings ({@code ct}, {@code rt},
 * {@code if}, {@code obs}):
 * <pre>
 * &lt;/sensors/1&gt;;ct="50 60";if="sensor";obs;rt="temperature-c";title="Kitchen",
 * &lt;/sensors/1/celsius&gt;;ct=0;obs;rt="temperature-c";title="Kitchen (reading)", ...
 * </pre>
 * The sensors are asked for on every discovery request, so a sensor created over CoAP or HTTP is listed at
 * once.
 */
@Configuration(proxyBeanMethods = false)
class SensorDiscoveryConfiguration {

	@Bean
	CoapLinkInstances sensorLinks(SensorService sensors) {
		return CoapLinkInstances.of("/sensors/{id}", () -> sensors.findAll()
			.stream()
			.map((sensor) -> CoapLinkInstance.of(sensor.id()).withTitle(sensor.name()))
			.toList());
	}

	@Bean
	CoapLinkInstances sensorReadingLinks(SensorService sensors) {
		return CoapLinkInstances.of("/sensors/{id}/celsius", () -> sensors.findAll()
			.stream()
			.map((sensor) -> CoapLinkInstance.of(sensor.id()).withTitle(sensor.name() + " (reading)"))
			.toList());
	}

}
