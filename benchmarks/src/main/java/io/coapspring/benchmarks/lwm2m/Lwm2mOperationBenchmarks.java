package io.coapspring.benchmarks.lwm2m;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.coapspring.lwm2m.autoconfigure.Lwm2mServerAutoConfiguration;
import io.coapspring.lwm2m.core.Lwm2mContent;
import io.coapspring.lwm2m.core.Lwm2mContentFormat;
import io.coapspring.lwm2m.core.Lwm2mOperations;
import io.coapspring.lwm2m.object.Lwm2mObject;
import io.coapspring.lwm2m.object.Lwm2mObjectTemplate;
import io.coapspring.lwm2m.object.Lwm2mResource;
import io.coapspring.lwm2m.server.Lwm2mServerLifecycle;
import io.coapspring.lwm2m.test.Lwm2mTestClient;
import org.eclipse.leshan.core.request.ContentFormat;
import org.eclipse.leshan.core.request.ReadRequest;
import org.eclipse.leshan.core.response.ReadResponse;
import org.eclipse.leshan.server.LeshanServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The LWM2M scenario: the auto-configured Leshan server and one Leshan client in the same JVM on loopback, and
 * the latency of one operation of the template, request to decoded answer:
 * <ul>
 * <li>{@link #readResource()}: {@code /3/0/0} in the given content format;</li>
 * <li>{@link #rawReadResource()}: the same read sent straight through Leshan's {@link LeshanServer#send} on the
 * same server (raw Leshan: the template's own cost is the difference);</li>
 * <li>{@link #readInstance()}: the whole Device instance {@code /3/0};</li>
 * <li>{@link #readTyped()}: the Device instance into a record through {@link Lwm2mObjectTemplate} (the cost of
 * the mapping and the model check on top of {@link #readInstance()});</li>
 * <li>{@link #writeResource()}: {@code /3/0/14} (checked against the model, then sent);</li>
 * <li>{@link #rejectedWrite()}: a value outside the model, refused before anything is sent (the cost of the
 * check alone).</li>
 * </ul>
 * With {@code @Threads} above 1 the operations run concurrently against the one client. CPU is shared on the
 * machines this project is built on: the figures are for comparing changes on one machine, not absolute.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(1)
@Threads(1)
public class Lwm2mOperationBenchmarks {

	private static final String DEVICE = "bench-device";

	@Param({ "TLV", "SENML_CBOR", "TEXT" })
	public String format;

	private ConfigurableApplicationContext context;

	private Lwm2mTestClient client;

	private Lwm2mOperations lwm2m;

	private Lwm2mObjectTemplate objects;

	private Lwm2mContentFormat contentFormat;

	private LeshanServer leshan;

	private ContentFormat leshanFormat;

	@Setup
	public void start() {
		this.context = new SpringApplicationBuilder(Config.class).web(WebApplicationType.NONE)
			.properties("coap.lwm2m.server.address=127.0.0.1", "coap.lwm2m.server.port=0",
					"spring.main.banner-mode=off")
			.run();
		int port = this.context.getEnvironment()
			.getRequiredProperty(Lwm2mServerLifecycle.PORT_PROPERTY, Integer.class);
		this.client = Lwm2mTestClient.builder(DEVICE)
			.serverUri("coap://127.0.0.1:" + port)
			.device("ACME", "Bench", "SN-1")
			.build();
		this.client.start();
		this.client.awaitRegistered(Duration.ofSeconds(30));
		this.lwm2m = this.context.getBean(Lwm2mOperations.class);
		this.objects = this.context.getBean(Lwm2mObjectTemplate.class);
		this.contentFormat = Lwm2mContentFormat.valueOf(this.format);
		this.leshan = this.context.getBean(LeshanServer.class);
		this.leshanFormat = switch (this.contentFormat) {
			case SENML_CBOR -> ContentFormat.SENML_CBOR;
			case TEXT -> ContentFormat.TEXT;
			default -> ContentFormat.TLV;
		};
	}

	@TearDown
	public void stop() {
		this.client.close();
		this.context.close();
	}

	@Benchmark
	public Lwm2mContent readResource() {
		return this.lwm2m.read(DEVICE, "/3/0/0", this.contentFormat);
	}

	@Benchmark
	public ReadResponse rawReadResource() throws InterruptedException {
		ReadResponse response = this.leshan.send(this.leshan.getRegistrationService().getByEndpoint(DEVICE),
				new ReadRequest(this.leshanFormat, "/3/0/0"), 5_000);
		if (response == null || !response.isSuccess()) {
			throw new IllegalStateException("raw read failed: " + response);
		}
		return response;
	}

	@Benchmark
	public Map<Integer, Object> readInstance() {
		return this.lwm2m
			.read(DEVICE, "/3/0", (this.contentFormat == Lwm2mContentFormat.TEXT) ? null : this.contentFormat)
			.asMap();
	}

	@Benchmark
	public Device readTyped() {
		return this.objects.read(DEVICE, 0, Device.class);
	}

	@Benchmark
	public void writeResource() {
		this.lwm2m.write(DEVICE, "/3/0/14", "+01:00");
	}

	@Benchmark
	public Object rejectedWrite() {
		try {
			this.lwm2m.write(DEVICE, "/3/0/14", 42);
			throw new IllegalStateException("a number was written to a string resource");
		}
		catch (io.coapspring.lwm2m.core.Lwm2mInvalidRequestException expected) {
			return expected;
		}
	}

	/**
	 * The Device object, as the typed-object benchmark reads it.
	 *
	 * @param manufacturer resource 0
	 * @param model resource 1
	 * @param serial resource 2
	 */
	@Lwm2mObject(3)
	public record Device(@Lwm2mResource(0) String manufacturer, @Lwm2mResource(1) String model,
			@Lwm2mResource(2) String serial) {
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(Lwm2mServerAutoConfiguration.class)
	static class Config {

	}

}
