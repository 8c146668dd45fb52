package io.coapspring.autoconfigure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.coapspring.convert.ByteArrayCoapMessageConverter;
import io.coapspring.convert.CoapContentFormat;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageConverter;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.LinkFormatCoapMessageConverter;
import io.coapspring.convert.StringCoapMessageConverter;
import io.coapspring.convert.jackson.JacksonCborCoapMessageConverter;
import io.coapspring.convert.jackson.JacksonJsonCoapMessageConverter;
import io.coapspring.convert.jackson.JacksonXmlCoapMessageConverter;
import org.eclipse.californium.core.CoapServer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.cbor.CBORMapper;
import tools.jackson.dataformat.xml.XmlMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration} of the
 * {@link CoapMessageConverters} shared by the server and the client: the application's
 * {@link CoapMessageConverter} beans first, in {@code @Order}, then the built-ins for text, bytes, link format
 * (collections of web links), and,
 * when Jackson is present, JSON (and every {@code +json} format), CBOR (and every {@code +cbor} format) and XML
 * with Spring Boot's configured mappers.
 * <p>
 * Each built-in backs off when the application defines a bean of its class; {@link CoapContentFormat}
 * beans register custom Content-Formats.
 *
 * @author CoAP Spring Boot team
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(CoapServer.class)
public final class CoapMessageConvertersAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CoapContentFormats coapContentFormats(ObjectProvider<CoapContentFormat> formats) {
		return new CoapContentFormats(formats.orderedStream().toList());
	}

	/**
	 * Classes of the built-in converters, in the order they are consulted after the application's: text and
	 * bytes before the object mappers, so a String or byte[] is sent as it is whatever the Content-Format, and
	 * JSON before CBOR and XML, so an object is sent as JSON when the client expresses no preference; link-format
	 * last, as it is only ever chosen when asked for. Named rather than referenced, so that absent optional
	 * converters are not loaded.
	 */
	private static final List<String> BUILT_IN_CONVERTERS = List.of(StringCoapMessageConverter.class.getName(),
			ByteArrayCoapMessageConverter.class.getName(), "io.coapspring.convert.jackson.JacksonJsonCoapMessageConverter",
			"io.coapspring.convert.jackson.JacksonCborCoapMessageConverter",
			"io.coapspring.convert.jackson.JacksonXmlCoapMessageConverter", LinkFormatCoapMessageConverter.class.getName());

	@Bean
	@ConditionalOnMissingBean
	CoapMessageConverters coapMessageConverters(ObjectProvider<CoapMessageConverter> converters,
			CoapContentFormats coapContentFormats) {
		// bean registration order of the nested configurations is not guaranteed, so the built-ins are put
		// in their order explicitly, after the application's converters
		List<CoapMessageConverter> ordered = new ArrayList<>();
		List<CoapMessageConverter> builtIns = new ArrayList<>();
		converters.orderedStream().forEach((converter) -> (isBuiltIn(converter) ? builtIns : ordered).add(converter));
		builtIns.sort(Comparator.comparingInt((converter) -> BUILT_IN_CONVERTERS.indexOf(converter.getClass().getName())));
		ordered.addAll(builtIns);
		return new CoapMessageConverters(ordered, coapContentFormats);
	}

	private static boolean isBuiltIn(CoapMessageConverter converter) {
		return BUILT_IN_CONVERTERS.contains(converter.getClass().getName());
	}

	@Configuration(proxyBeanMethods = false)
	static class BasicConverters {

		@Bean
		@ConditionalOnMissingBean
		StringCoapMessageConverter coapStringMessageConverter(CoapContentFormats coapContentFormats) {
			return new StringCoapMessageConverter(coapContentFormats);
		}

		@Bean
		@ConditionalOnMissingBean
		ByteArrayCoapMessageConverter coapByteArrayMessageConverter() {
			return new ByteArrayCoapMessageConverter();
		}

		@Bean
		@ConditionalOnMissingBean
		LinkFormatCoapMessageConverter coapLinkFormatMessageConverter() {
			return new LinkFormatCoapMessageConverter();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(JsonMapper.class)
	static class JsonConverter {

		@Bean
		@ConditionalOnMissingBean
		JacksonJsonCoapMessageConverter coapJsonMessageConverter(ObjectProvider<JsonMapper> jsonMapper,
				CoapContentFormats coapContentFormats) {
			return new JacksonJsonCoapMessageConverter(jsonMapper.getIfAvailable(JsonMapper::new), coapContentFormats);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(CBORMapper.class)
	static class CborConverter {

		@Bean
		@ConditionalOnMissingBean
		JacksonCborCoapMessageConverter coapCborMessageConverter(ObjectProvider<CBORMapper> cborMapper,
				CoapContentFormats coapContentFormats) {
			return new JacksonCborCoapMessageConverter(cborMapper.getIfAvailable(CBORMapper::new), coapContentFormats);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(XmlMapper.class)
	static class XmlConverter {

		@Bean
		@ConditionalOnMissingBean
		JacksonXmlCoapMessageConverter coapXmlMessageConverter(ObjectProvider<XmlMapper> xmlMapper) {
			return new JacksonXmlCoapMessageConverter(xmlMapper.getIfAvailable(XmlMapper::new));
		}

	}

}
