package io.coapspring.client.service;

import java.util.Optional;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapOption;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.annotation.CoapPayload;
import io.coapspring.annotation.CoapPostMapping;
import io.coapspring.annotation.CoapQueryParam;
import io.coapspring.client.CoapClientResponseException;
import io.coapspring.client.CoapTemplate;
import io.coapspring.client.service.annotation.CoapGetExchange;
import io.coapspring.client.service.annotation.CoapPostExchange;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.context.LocalCoapPort;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.option.StringOptionDefinition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * One set of parameter annotations and one {@link CoapResponseEntity} for both sides: a declarative client and a
 * controller declare the same resources with the same annotations, and the entity a handler returns arrives as the
 * entity the client receives.
 */
@SpringBootTest(classes = SharedAnnotationsEndToEndTests.Application.class,
		properties = { "coap.server.port=0", "coap.client.timeout=5s", "spring.main.banner-mode=off" })
class SharedAnnotationsEndToEndTests {

	@Autowired
	private CoapTemplate coap;

	@LocalCoapPort
	private int port;

	private Things things;

	@BeforeEach
	void createClient() {
		CoapTemplate template = this.coap.mutate().baseUri("coap://127.0.0.1:" + this.port).build();
		this.things = CoapServiceProxyFactory.builder(template).build().createClient(Things.class);
	}

	@Test
	void pathVariableQueryParamAndOptionServeBothSides() {
		assertThat(this.things.read("7", "F", "tag-1")).isEqualTo("thing 7 in F tagged tag-1");
		assertThat(this.things.read("8", null, null)).isEqualTo("thing 8 in C tagged none");
	}

	@Test
	void defaultValueOfAQueryParamAppliesOnTheClient() {
		assertThat(this.things.readWithDefault("9", null)).isEqualTo("thing 9 in K tagged none");
	}

	@Test
	void requiredPathVariableFailsTheCallWhenNull() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.things.read(null, "F", null))
			.withMessageContaining("Missing required path variable 'id'");
	}

	@Test
	void optionIsRequiredUnlessOptional() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.things.readTagged("7", null))
			.withMessageContaining("Missing required option 'Thing-Tag'");
		assertThat(this.things.readMaybeTagged("7", Optional.empty())).isEqualTo("thing 7 in C tagged none");
		assertThat(this.things.readMaybeTagged("7", Optional.of("t"))).isEqualTo("thing 7 in C tagged t");
	}

	@Test
	void responseEntityOfAHandlerArrivesAsTheEntityOfTheClient() {
		CoapResponseEntity<String> created = this.things.create("lamp");
		assertThat(created.getCode()).isEqualTo(ResponseCode.CREATED);
		assertThat(created.getLocationPath()).isEqualTo("things/lamp");
		assertThat(created.getLocationQuery()).isEqualTo("v=1");
		assertThat(created.getMaxAge()).isEqualTo(30);
		assertThat(created.getETag()).containsExactly(1, 2);
		assertThat(created.getBody()).isEqualTo("made lamp");
	}

	@Test
	void errorCodeOfAResponseEntityIsAnswered() {
		// the handler's entity used to be serialized as JSON with 2.04 when it was the client's type
		assertThatExceptionOfType(CoapClientResponseException.class).isThrownBy(() -> this.things.create("taken"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ResponseCode.CONFLICT));
	}

	interface Things {

		@CoapGetExchange("/things/{id}")
		String read(@CoapPathVariable @Nullable String id, @CoapQueryParam(required = false) @Nullable String unit,
				@CoapOption(name = "Thing-Tag", required = false) @Nullable String tag);

		@CoapGetExchange("/things/{id}")
		String readWithDefault(@CoapPathVariable("id") String id,
				@CoapQueryParam(name = "unit", defaultValue = "K") @Nullable String unit);

		@CoapGetExchange("/things/{id}")
		String readTagged(@CoapPathVariable String id, @CoapOption("Thing-Tag") @Nullable String tag);

		@CoapGetExchange("/things/{id}")
		String readMaybeTagged(@CoapPathVariable String id, @CoapOption("Thing-Tag") Optional<String> tag);

		@CoapPostExchange("/things")
		CoapResponseEntity<String> create(@CoapPayload String name);

	}

	@CoapController
	static class ThingsController {

		@CoapGetMapping("/things/{id}")
		String read(@CoapPathVariable String id, @CoapQueryParam(defaultValue = "C") String unit,
				@CoapOption("thing-tag") Optional<String> tag) {
			return "thing " + id + " in " + unit + " tagged " + tag.orElse("none");
		}

		@CoapPostMapping("/things")
		CoapResponseEntity<String> create(@CoapPayload String name) {
			if (name.equals("taken")) {
				return CoapResponseEntity.status(ResponseCode.CONFLICT).build();
			}
			return CoapResponseEntity.created("/things/" + name + "?v=1")
				.maxAge(30)
				.etag(new byte[] { 1, 2 })
				.body("made " + name);
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ThingsController.class)
	static class Application {

		@Bean
		StringOptionDefinition thingTag() {
			return new StringOptionDefinition(65010, "Thing-Tag");
		}

	}

}
