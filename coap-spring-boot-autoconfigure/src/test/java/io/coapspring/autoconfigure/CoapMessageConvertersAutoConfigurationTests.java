package io.coapspring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.coapspring.convert.ByteArrayCoapMessageConverter;
import io.coapspring.convert.CoapContentFormat;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageConverter;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.StringCoapMessageConverter;
import io.coapspring.convert.jackson.JacksonCborCoapMessageConverter;
import io.coapspring.convert.jackson.JacksonJsonCoapMessageConverter;
import io.coapspring.convert.jackson.JacksonXmlCoapMessageConverter;
import org.eclipse.californium.core.CoapServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.dataformat.cbor.CBORMapper;
import tools.jackson.dataformat.xml.XmlMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CoapMessageConvertersAutoConfiguration}.
 */
class CoapMessageConvertersAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(JacksonAutoConfiguration.class, CoapMessageConvertersAutoConfiguration.class));

	@Test
	void jsonConverterUsesBootsConfiguredMapper() {
		this.runner.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE").run((context) -> {
			CoapMessageConverters converters = context.getBean(CoapMessageConverters.class);
			byte[] json = converters.write(new Reading(1.5), ResolvableType.NONE, List.of(50)).bytes();
			assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"celsius_value\":1.5}");
		});
	}

	@Test
	void userConvertersComeBeforeBuiltIns() {
		this.runner.withUserConfiguration(UserConverterConfiguration.class).run((context) -> {
			List<CoapMessageConverter> converters = context.getBean(CoapMessageConverters.class).getConverters();
			assertThat(converters.get(0)).isSameAs(context.getBean("upperCaseConverter"));
			assertThat(converters).hasSize(7);
			assertThat(context.getBean(CoapMessageConverters.class)
				.write("abc", ResolvableType.forClass(String.class), List.of(0))
				.bytes()).isEqualTo("ABC".getBytes(StandardCharsets.UTF_8));
		});
	}

	@Test
	void userBeanReplacesBuiltInOfSameClass() {
		this.runner.withUserConfiguration(CustomCborConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(JacksonCborCoapMessageConverter.class);
			assertThat(context.getBean(JacksonCborCoapMessageConverter.class))
				.isSameAs(context.getBean("myCborConverter"));
		});
	}

	@Test
	void backsOffWithoutOptionalMappers() {
		this.runner.withClassLoader(new FilteredClassLoader(CBORMapper.class, XmlMapper.class)).run((context) -> {
			assertThat(context).doesNotHaveBean(JacksonCborCoapMessageConverter.class);
			assertThat(context).doesNotHaveBean(JacksonXmlCoapMessageConverter.class);
			assertThat(context).hasSingleBean(JacksonJsonCoapMessageConverter.class);
		});
	}

	@Test
	void backsOffWithoutCalifornium() {
		this.runner.withClassLoader(new FilteredClassLoader(CoapServer.class))
			.run((context) -> assertThat(context).doesNotHaveBean(CoapMessageConverters.class));
	}

	@Test
	void worksWithoutBootsJacksonAutoConfiguration() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CoapMessageConvertersAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(JacksonJsonCoapMessageConverter.class));
	}

	@Test
	void registersCustomContentFormats() {
		this.runner.withBean(CoapContentFormat.class, () -> new CoapContentFormat(65100, "application/x-acme", true))
			.run((context) -> assertThat(context.getBean(CoapContentFormats.class).resolve("application/x-acme"))
				.isEqualTo(65100));
	}

	@Test
	void clashingCustomContentFormatFailsStartup() {
		this.runner.withBean(CoapContentFormat.class, () -> new CoapContentFormat(60, "application/x-acme", true))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Content-Format 60"));
	}

	record Reading(double celsiusValue) {
	}

	@Configuration(proxyBeanMethods = false)
	static class UserConverterConfiguration {

		@Bean
		CoapMessageConverter upperCaseConverter() {
			return new StringCoapMessageConverter((format) -> format == 0) {
				@Override
				public byte[] write(Object value, ResolvableType type, int contentFormat) {
					return super.write(((String) value).toUpperCase(java.util.Locale.ROOT), type, contentFormat);
				}
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomCborConfiguration {

		@Bean
		JacksonCborCoapMessageConverter myCborConverter() {
			return new JacksonCborCoapMessageConverter(
					CBORMapper.builder().disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build());
		}

	}

}
