package io.coapspring.server.invocation.support;

import java.util.List;
import java.util.Optional;

import io.coapspring.annotation.CoapPayload;
import io.coapspring.convert.ByteArrayCoapMessageConverter;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.StringCoapMessageConverter;
import io.coapspring.convert.jackson.JacksonJsonCoapMessageConverter;
import io.coapspring.server.invocation.CoapPayloadValidationException;
import io.coapspring.server.invocation.CoapRequest;
import io.coapspring.server.invocation.CoapRequestBindingException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static io.coapspring.server.invocation.support.Requests.parameter;
import static io.coapspring.server.invocation.support.Requests.view;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PayloadArgumentResolver} and {@link RawPayloadArgumentResolver}.
 */
class PayloadArgumentResolverTests {

	private final LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();

	private final PayloadArgumentResolver resolver;

	PayloadArgumentResolverTests() {
		this.validator.afterPropertiesSet();
		CoapContentFormats formats = new CoapContentFormats();
		CoapMessageConverters converters = new CoapMessageConverters(List.of(new StringCoapMessageConverter(formats),
				new ByteArrayCoapMessageConverter(), new JacksonJsonCoapMessageConverter(JsonMapper.builder().build())),
				formats);
		this.resolver = new PayloadArgumentResolver(converters, this.validator);
	}

	@AfterEach
	void closeValidator() {
		this.validator.close();
	}

	private static CoapRequest json(String payload) {
		Request request = Request.newPost();
		request.getOptions().setContentFormat(MediaTypeRegistry.APPLICATION_JSON);
		request.setPayload(payload);
		return view(request);
	}

	@Test
	void readsThePayloadWithTheConverterOfItsContentFormat() throws Exception {
		assertThat(this.resolver.resolveArgument(parameter(Handlers.class, "handle", 0), json("{\"value\":3}")))
			.isEqualTo(new Setting(3));
	}

	@Test
	void failedValidationNamesTheField() {
		MethodParameter setting = parameter(Handlers.class, "handle", 0);
		assertThatExceptionOfType(CoapPayloadValidationException.class)
			.isThrownBy(() -> this.resolver.resolveArgument(setting, json("{\"value\":-1}")))
			.withMessageContaining("value");
	}

	@Test
	void missingRequiredPayloadIsABindingError() {
		MethodParameter setting = parameter(Handlers.class, "handle", 0);
		assertThatExceptionOfType(CoapRequestBindingException.class)
			.isThrownBy(() -> this.resolver.resolveArgument(setting, view(Request.newPost())))
			.withMessage("Missing payload");
	}

	@Test
	void optionalPayloadIsEmptyWhenMissing() throws Exception {
		assertThat(this.resolver.resolveArgument(parameter(Handlers.class, "optional", 0), view(Request.newPost())))
			.isEqualTo(Optional.empty());
	}

	@Test
	void rawBytesOfAnUnannotatedByteArray() {
		RawPayloadArgumentResolver raw = new RawPayloadArgumentResolver();
		assertThat(raw.supportsParameter(parameter(Handlers.class, "raw", 0))).isTrue();
		assertThat(raw.supportsParameter(parameter(Handlers.class, "handle", 0))).isFalse();
		assertThat(this.resolver.supportsParameter(parameter(Handlers.class, "raw", 0))).isFalse();
		assertThat(raw.resolveArgument(parameter(Handlers.class, "raw", 0), json("{}"))).isEqualTo("{}".getBytes());
	}

	record Setting(@Positive int value) {
	}

	static class Handlers {

		void handle(@CoapPayload @Valid Setting setting) {
		}

		void optional(@CoapPayload(required = false) Optional<Setting> setting) {
		}

		void raw(byte[] payload) {
		}

	}

}
