package io.coapspring.benchmarks.jmh;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.coapspring.benchmarks.servers.Reading;
import io.coapspring.convert.ByteArrayCoapMessageConverter;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.StringCoapMessageConverter;
import io.coapspring.convert.jackson.JacksonCborCoapMessageConverter;
import io.coapspring.convert.jackson.JacksonJsonCoapMessageConverter;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;

import org.springframework.core.ResolvableType;

/**
 * Payload conversion on the hot path: the 200-byte JSON {@link Reading} of the JSON POST scenario, and the
 * same reading as CBOR, read and written through {@link CoapMessageConverters} in the order the starter
 * builds them (text, bytes, JSON, CBOR), next to the bare Jackson mapper as the baseline.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConverterBenchmarks {

	private static final ResolvableType READING = ResolvableType.forClass(Reading.class);

	private static final List<Integer> ACCEPT_JSON = List.of(MediaTypeRegistry.APPLICATION_JSON);

	private static final List<Integer> ACCEPT_CBOR = List.of(MediaTypeRegistry.APPLICATION_CBOR);

	private CoapMessageConverters converters;

	private JsonMapper jsonMapper;

	private byte[] json;

	private byte[] cbor;

	private Reading reading;

	@Setup
	public void setUp() {
		CoapContentFormats formats = new CoapContentFormats();
		this.jsonMapper = JsonMapper.builder().build();
		CBORMapper cborMapper = CBORMapper.builder().build();
		this.converters = new CoapMessageConverters(List.of(new StringCoapMessageConverter(formats),
				new ByteArrayCoapMessageConverter(), new JacksonJsonCoapMessageConverter(this.jsonMapper),
				new JacksonCborCoapMessageConverter(cborMapper)), formats);
		this.json = Reading.SAMPLE_JSON.getBytes(StandardCharsets.UTF_8);
		this.reading = this.jsonMapper.readValue(this.json, Reading.class);
		this.cbor = cborMapper.writeValueAsBytes(this.reading);
	}

	@Benchmark
	public Object readJson() {
		return this.converters.read(READING, this.json, MediaTypeRegistry.APPLICATION_JSON);
	}

	@Benchmark
	public Object readJsonBareMapper() {
		return this.jsonMapper.readValue(this.json, Reading.class);
	}

	@Benchmark
	public Object writeJson() {
		return this.converters.write(this.reading, READING, ACCEPT_JSON);
	}

	@Benchmark
	public Object readCbor() {
		return this.converters.read(READING, this.cbor, MediaTypeRegistry.APPLICATION_CBOR);
	}

	@Benchmark
	public Object writeCbor() {
		return this.converters.write(this.reading, READING, ACCEPT_CBOR);
	}

}
