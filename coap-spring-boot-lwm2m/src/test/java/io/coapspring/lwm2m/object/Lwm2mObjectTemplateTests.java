package io.coapspring.lwm2m.object;

import java.time.Duration;
import java.util.Map;

import io.coapspring.lwm2m.autoconfigure.Lwm2mServerAutoConfiguration;
import io.coapspring.lwm2m.core.Lwm2mInvalidRequestException;
import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.server.Lwm2mServerLifecycle;
import io.coapspring.lwm2m.test.Lwm2mTestClient;
import org.eclipse.leshan.client.resource.SimpleInstanceEnabler;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Typed objects against a real Leshan client: read into records, write and create from them, and mappings that do
 * not fit the object model fail before anything is sent, naming the resource.
 */
class Lwm2mObjectTemplateTests {

	private static final String DEVICE = "typed-dev";

	private static ConfigurableApplicationContext context;

	private static Lwm2mTestClient client;

	@BeforeAll
	static void start() {
		context = new SpringApplicationBuilder(Config.class).web(WebApplicationType.NONE)
			.properties("coap.lwm2m.server.address=127.0.0.1", "coap.lwm2m.server.port=0",
					"coap.lwm2m.server.models.locations=classpath:/lwm2m-test/10500.xml")
			.run();
		int port = context.getEnvironment().getRequiredProperty(Lwm2mServerLifecycle.PORT_PROPERTY, Integer.class);
		client = Lwm2mTestClient.builder(DEVICE)
			.serverUri("coap://127.0.0.1:" + port)
			.device("ACME", "M7", "SN-7")
			.models("/lwm2m-test/10500.xml")
			.instanceClass(10500, SimpleInstanceEnabler.class)
			.instance(10500, 0, Map.of(0, "kitchen", 1, 21.0, 4, 19.5, 6, Map.of(0, "a")))
			.build();
		client.start();
		client.awaitRegistered(Duration.ofSeconds(10));
	}

	@AfterAll
	static void stop() {
		client.close();
		context.close();
	}

	@Lwm2mObject(3)
	record Device(@Lwm2mResource(0) String manufacturer, @Lwm2mResource(1) String model,
			@Lwm2mResource(2) String serial, @Lwm2mResource(14) @Nullable String utcOffset,
			@Lwm2mResource(9) @Nullable Integer batteryLevel) {
	}

	@Lwm2mObject(10500)
	record Thermostat(@Lwm2mResource(0) String name, @Lwm2mResource(1) double setpoint,
			@Lwm2mResource(2) @Nullable Integer mode, @Lwm2mResource(4) @Nullable Double temperature,
			@Lwm2mResource(6) @Nullable Map<Integer, String> tags) {
	}

	@Lwm2mObject(10500)
	static class ThermostatBean {

		@Lwm2mResource(0)
		String name;

		@Lwm2mResource(1)
		double setpoint;

	}

	@Lwm2mObject(10500)
	record WrongType(@Lwm2mResource(0) int name) {
	}

	@Lwm2mObject(10500)
	record UnknownResource(@Lwm2mResource(77) String nothing) {
	}

	@Lwm2mObject(10500)
	record SingleForMultiple(@Lwm2mResource(6) String tags) {
	}

	@Lwm2mObject(10500)
	record PrimitiveForMissing(@Lwm2mResource(2) int mode) {
	}

	@Lwm2mObject(4242)
	record UnknownObject(@Lwm2mResource(0) String name) {
	}

	private Lwm2mObjectTemplate objects() {
		return context.getBean(Lwm2mObjectTemplate.class);
	}

	@Test
	void readsAnInstanceIntoARecord() {
		Device device = objects().read(DEVICE, 0, Device.class);
		assertThat(device.manufacturer()).isEqualTo("ACME");
		assertThat(device.model()).isEqualTo("M7");
		assertThat(device.serial()).isEqualTo("SN-7");
		assertThat(device.batteryLevel()).isNull();
		Thermostat thermostat = objects().read(DEVICE, 0, Thermostat.class);
		assertThat(thermostat.setpoint()).isEqualTo(21.0);
		assertThat(thermostat.tags()).containsKey(0);
	}

	@Test
	void writesFromARecordSkippingReadOnlyAndNullResources() {
		objects().write(DEVICE, 0, new Device("ignored", "ignored", "ignored", "+01:00", null), false);
		assertThat(objects().read(DEVICE, 0, Device.class).utcOffset()).isEqualTo("+01:00");
		assertThat(objects().read(DEVICE, 0, Device.class).manufacturer()).isEqualTo("ACME");
	}

	@Test
	void createsFromARecordAndReadsEveryInstanceIntoAClass() {
		objects().create(DEVICE, 3, new Thermostat("cellar", 12.0, 1, 99.0, Map.of(0, "x")));
		Map<Integer, ThermostatBean> all = objects().readAll(DEVICE, ThermostatBean.class);
		assertThat(all).containsKeys(0, 3);
		assertThat(all.get(3).name).isEqualTo("cellar");
		assertThat(all.get(3).setpoint).isEqualTo(12.0);
		context.getBean(Lwm2mOperations.class).delete(DEVICE, "/10500/3");
	}

	@Test
	void valuesOutsideTheModelFailBeforeSending() {
		assertThatExceptionOfType(Lwm2mInvalidRequestException.class)
			.isThrownBy(() -> objects().create(DEVICE, new Thermostat("hot", 55.0, null, null, null)))
			.withMessageContaining("/10500/x/1 (Setpoint)")
			.withMessageContaining("outside the range 5..30");
		assertThatExceptionOfType(Lwm2mInvalidRequestException.class)
			.isThrownBy(() -> objects().write(DEVICE, 0, new Thermostat("x", 20.0, 9, null, null), false))
			.withMessageContaining("(Mode)")
			.withMessageContaining("not one of 0,1,2");
	}

	@Test
	void mappingsThatDoNotFitTheModelFailNamingTheResource() {
		assertThatExceptionOfType(Lwm2mInvalidRequestException.class)
			.isThrownBy(() -> objects().read(DEVICE, 0, WrongType.class))
			.withMessageContaining("WrongType.name")
			.withMessageContaining("/10500/x/0 (Name) is of type STRING");
		assertThatExceptionOfType(Lwm2mInvalidRequestException.class)
			.isThrownBy(() -> objects().read(DEVICE, 0, UnknownResource.class))
			.withMessageContaining("resource 77 is not defined by object 10500");
		assertThatExceptionOfType(Lwm2mInvalidRequestException.class)
			.isThrownBy(() -> objects().read(DEVICE, 0, SingleForMultiple.class))
			.withMessageContaining("(Tags) is a multiple resource");
		assertThatExceptionOfType(Lwm2mInvalidRequestException.class)
			.isThrownBy(() -> objects().read(DEVICE, 0, UnknownObject.class))
			.withMessageContaining("object 4242 is not in the object model");
		assertThatExceptionOfType(Lwm2mInvalidRequestException.class)
			.isThrownBy(() -> objects().read(DEVICE, 0, PrimitiveForMissing.class))
			.withMessageContaining("PrimitiveForMissing.mode")
			.withMessageContaining("missing from the client's answer");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(Lwm2mServerAutoConfiguration.class)
	static class Config {

	}

}
