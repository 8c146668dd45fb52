package io.coapspring.convert;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.coapspring.convert.jackson.JacksonCborCoapMessageConverter;
import io.coapspring.convert.jackson.JacksonJsonCoapMessageConverter;
import io.coapspring.convert.jackson.JacksonXmlCoapMessageConverter;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;
import tools.jackson.dataformat.xml.XmlMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CoapMessageConverters}.
 */
class CoapMessageConvertersTests {

	private final CoapContentFormats formats = new CoapContentFormats();

	private final CoapMessageConverters converters = new CoapMessageConverters(
			List.of(new StringCoapMessageConverter(this.formats), new ByteArrayCoapMessageConverter(),
					new JacksonJsonCoapMessageConverter(new JsonMapper()),
					new JacksonCborCoapMessageConverter(new CBORMapper()),
					new JacksonXmlCoapMessageConverter(new XmlMapper())),
			this.formats);

	record Reading(String sensor, double value) {
	}

	@Test
	void writesPojoAsJsonWhenAccepted() {
		EncodedPayload payload = this.converters.write(new Reading("t1", 21.5), ResolvableType.NONE,
				List.of(MediaTypeRegistry.APPLICATION_JSON));
		assertThat(payload.contentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_JSON);
		assertThat(new String(payload.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"sensor\":\"t1\",\"value\":21.5}");
	}

	@Test
	void writesPojoInFirstWritableFormatWhenAnythingIsAccepted() {
		EncodedPayload payload = this.converters.write(new Reading("t1", 1), ResolvableType.NONE, List.of());
		assertThat(payload.contentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_JSON);
	}

	@Test
	void roundTripsCbor() {
		EncodedPayload payload = this.converters.write(new Reading("t2", 3.0), ResolvableType.NONE,
				List.of(MediaTypeRegistry.APPLICATION_CBOR));
		assertThat(payload.contentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_CBOR);
		Object read = this.converters.read(ResolvableType.forClass(Reading.class), payload.bytes(),
				MediaTypeRegistry.APPLICATION_CBOR);
		assertThat(read).isEqualTo(new Reading("t2", 3.0));
	}

	@Test
	void roundTripsXml() {
		EncodedPayload payload = this.converters.write(new Reading("t3", 4.0), ResolvableType.NONE,
				List.of(MediaTypeRegistry.APPLICATION_XML));
		assertThat(new String(payload.bytes(), StandardCharsets.UTF_8)).contains("<sensor>t3</sensor>");
		assertThat(this.converters.read(ResolvableType.forClass(Reading.class), payload.bytes(),
				MediaTypeRegistry.APPLICATION_XML)).isEqualTo(new Reading("t3", 4.0));
	}

	@Test
	void readsGenericTypes() {
		ResolvableType type = ResolvableType.forType(new ParameterizedTypeReference<List<Reading>>() {
		});
		Object read = this.converters.read(type, "[{\"sensor\":\"a\",\"value\":1}]".getBytes(StandardCharsets.UTF_8),
				MediaTypeRegistry.APPLICATION_JSON);
		assertThat(read).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.containsExactly(new Reading("a", 1));
	}

	@Test
	void writesStringAsIsWhateverTheTextualFormat() {
		EncodedPayload payload = this.converters.write("{\"raw\":true}", ResolvableType.forClass(String.class),
				List.of(MediaTypeRegistry.APPLICATION_JSON));
		assertThat(new String(payload.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"raw\":true}");
		assertThat(payload.contentFormat()).isEqualTo(MediaTypeRegistry.APPLICATION_JSON);
	}

	@Test
	void writesStringAsTextPlainByDefault() {
		EncodedPayload payload = this.converters.write("hi", ResolvableType.forClass(String.class), List.of());
		assertThat(payload.contentFormat()).isEqualTo(MediaTypeRegistry.TEXT_PLAIN);
	}

	@Test
	void passesBytesThroughInAnyFormat() {
		byte[] bytes = { 1, 2, 3 };
		EncodedPayload payload = this.converters.write(bytes, ResolvableType.forClass(byte[].class),
				List.of(MediaTypeRegistry.APPLICATION_CBOR));
		assertThat(payload.bytes()).isSameAs(bytes);
		assertThat(this.converters.read(ResolvableType.forClass(byte[].class), bytes, 60)).isSameAs(bytes);
	}

	@Test
	void readsStringWithoutContentFormat() {
		assertThat(this.converters.read(ResolvableType.forClass(String.class), "x".getBytes(StandardCharsets.UTF_8),
				MediaTypeRegistry.UNDEFINED)).isEqualTo("x");
	}

	@Test
	void unsupportedContentFormatNamesTheFormatAndTheAlternatives() {
		assertThatExceptionOfType(CoapContentFormatNotSupportedException.class)
			.isThrownBy(() -> this.converters.read(ResolvableType.forClass(Reading.class), new byte[] { 1 },
					MediaTypeRegistry.TEXT_PLAIN))
			.withMessageContaining("0 (text/plain)")
			.withMessageContaining("50 (application/json)")
			.satisfies((ex) -> assertThat(ex.getContentFormat()).isZero());
	}

	@Test
	void pojoWithoutContentFormatIsUnsupported() {
		assertThatExceptionOfType(CoapContentFormatNotSupportedException.class)
			.isThrownBy(() -> this.converters.read(ResolvableType.forClass(Reading.class), new byte[] { '{', '}' },
					MediaTypeRegistry.UNDEFINED))
			.withMessageContaining("without Content-Format");
	}

	@Test
	void malformedJsonGivesDiagnosticWithPosition() {
		assertThatExceptionOfType(CoapMessageNotReadableException.class)
			.isThrownBy(() -> this.converters.read(ResolvableType.forClass(Reading.class),
					"{\"sensor\": ".getBytes(StandardCharsets.UTF_8), MediaTypeRegistry.APPLICATION_JSON))
			.withMessageStartingWith("Malformed JSON payload")
			.withMessageContaining("line 1");
	}

	@Test
	void wrongFieldTypeNamesTheField() {
		assertThatExceptionOfType(CoapMessageNotReadableException.class)
			.isThrownBy(() -> this.converters.read(ResolvableType.forClass(Reading.class),
					"{\"sensor\":\"a\",\"value\":\"warm\"}".getBytes(StandardCharsets.UTF_8),
					MediaTypeRegistry.APPLICATION_JSON))
			.withMessageContaining("at 'value'");
	}

	@Test
	void emptyJsonPayloadIsNotReadable() {
		assertThatExceptionOfType(CoapMessageNotReadableException.class)
			.isThrownBy(() -> this.converters.read(ResolvableType.forClass(Reading.class), new byte[0],
					MediaTypeRegistry.APPLICATION_JSON))
			.withMessage("Empty JSON payload");
	}

	@Test
	void notAcceptableNamesWhatIsAvailable() {
		assertThatExceptionOfType(CoapNotAcceptableException.class)
			.isThrownBy(() -> this.converters.write(Map.of("a", 1), ResolvableType.NONE,
					List.of(MediaTypeRegistry.TEXT_PLAIN)))
			.withMessageContaining("Cannot produce 0 (text/plain)")
			.withMessageContaining("50 (application/json)")
			.satisfies((ex) -> assertThat(ex.getAccept()).isZero());
	}

	@Test
	void userConverterComesFirst() {
		CoapMessageConverter upper = new StringCoapMessageConverter((format) -> format == 0) {
			@Override
			public byte[] write(Object value, ResolvableType type, int contentFormat) {
				return super.write(((String) value).toUpperCase(), type, contentFormat);
			}
		};
		CoapMessageConverters withUser = new CoapMessageConverters(List.of(upper, new StringCoapMessageConverter(
				this.formats)), this.formats);
		assertThat(withUser.write("abc", ResolvableType.forClass(String.class), List.of(0)).bytes())
			.isEqualTo("ABC".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void listsWritableAndReadableFormats() {
		assertThat(this.converters.writableFormats(ResolvableType.forClass(Reading.class))).containsExactly(50, 110,
				60, 112, 41);
		assertThat(this.converters.readableFormats(ResolvableType.forClass(String.class))).contains(0);
	}

}
