package io.coapspring.autoconfigure;

import java.util.List;

import io.coapspring.convert.ByteArrayCoapMessageConverter;
import io.coapspring.convert.LinkFormatCoapMessageConverter;
import io.coapspring.convert.CoapMessageConverter;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.StringCoapMessageConverter;
import io.coapspring.convert.jackson.JacksonCborCoapMessageConverter;
import io.coapspring.convert.jackson.JacksonJsonCoapMessageConverter;
import io.coapspring.convert.jackson.JacksonXmlCoapMessageConverter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests the order in which {@link CoapMessageConvertersAutoConfiguration} consults converters: the
 * application's first, then text, bytes, JSON, CBOR, XML and link-format, whatever order the beans were registered in.
 */
class CoapMessageConvertersOrderTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(JacksonAutoConfiguration.class, CoapMessageConvertersAutoConfiguration.class));

	@Test
	void applicationConvertersComeFirstThenTheBuiltInsInAFixedOrder() {
		this.runner.withUserConfiguration(CustomConverterConfiguration.class).run((context) -> {
			List<Class<?>> classes = context.getBean(CoapMessageConverters.class)
				.getConverters()
				.stream()
				.<Class<?>>map(Object::getClass)
				.toList();
			assertThat(classes).containsExactly(CustomConverter.class, StringCoapMessageConverter.class,
					ByteArrayCoapMessageConverter.class, JacksonJsonCoapMessageConverter.class,
					JacksonCborCoapMessageConverter.class, JacksonXmlCoapMessageConverter.class, LinkFormatCoapMessageConverter.class);
		});
	}

	@Test
	void stringsAndBytesAreWrittenAsTheyAreRatherThanByAnObjectMapper() {
		this.runner.run((context) -> {
			CoapMessageConverters converters = context.getBean(CoapMessageConverters.class);
			assertThat(converters.write("hi", ResolvableType.forClass(String.class), List.of()).contentFormat())
				.isZero();
			assertThat(converters.write(new byte[] { 1 }, ResolvableType.forClass(byte[].class), List.of()).bytes())
				.containsExactly(1);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class CustomConverterConfiguration {

		@Bean
		CustomConverter customConverter() {
			return new CustomConverter();
		}

	}

	static class CustomConverter implements CoapMessageConverter {

		@Override
		public List<Integer> getContentFormats() {
			return List.of(65000);
		}

		@Override
		public boolean canRead(ResolvableType type, int contentFormat) {
			return false;
		}

		@Override
		public boolean canWrite(ResolvableType type, int contentFormat) {
			return false;
		}

		@Override
		public Object read(ResolvableType type, byte[] payload, int contentFormat) {
			throw new UnsupportedOperationException();
		}

		@Override
		public byte[] write(Object value, ResolvableType type, int contentFormat) {
			throw new UnsupportedOperationException();
		}

	}

}
