package io.coapspring.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapPatchMapping;
import io.coapspring.annotation.CoapPayload;
import io.coapspring.annotation.CoapPostMapping;
import io.coapspring.convert.CoapContentFormat;
import io.coapspring.server.mapping.CoapHandlerMappingRegistry;
import io.coapspring.convert.CoapResponseEntity;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up checks of the Content-Formats that mappings consume and produce against the converters.
 */
class CoapMappingFormatCheckTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class,
				CoapMessageConvertersAutoConfiguration.class, CoapServerAutoConfiguration.class,
				CoapHandlerAutoConfiguration.class, JacksonAutoConfiguration.class))
		.withPropertyValues("coap.server.port=0");

	record Patch(String name) {
	}

	@Test
	void suffixFormatsAndCustomFormatsStart() {
		this.contextRunner.withUserConfiguration(VendorFormat.class, SuffixController.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(CoapHandlerMappingRegistry.class)
				.satisfies((registry) -> assertThat(registry.getMappings()).hasSize(4)));
	}

	@Test
	void consumedFormatNoConverterReadsFailsStartupNamingFormatAndMethod() {
		this.contextRunner.withUserConfiguration(UnreadableController.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("UnreadableController#add")
				.hasMessageContaining("consumes Content-Format 18 (application/cose")
				.hasMessageContaining("Patch"));
	}

	@Test
	void producedFormatNoConverterWritesFailsStartupNamingFormatAndMethod() {
		this.contextRunner.withUserConfiguration(UnwritableController.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("UnwritableController#get")
				.hasMessageContaining("produces Content-Format 40 (application/link-format)"));
	}

	@Test
	void producedFormatInsideAWrapperIsChecked() {
		this.contextRunner.withUserConfiguration(WrappedUnwritableController.class)
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("WrappedUnwritableController#get")
				.hasMessageContaining("application/link-format"));
	}

	@Test
	void textAndBytesReturnedAsSupertypesStart() {
		this.contextRunner.withUserConfiguration(GeneralTypesController.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Configuration(proxyBeanMethods = false)
	static class VendorFormat {

		@Bean
		CoapContentFormat vendorFormat() {
			return new CoapContentFormat(65100, "application/vnd.acme.reading+json", true);
		}

	}

	@CoapController
	static class SuffixController {

		@CoapPatchMapping(path = "/patch", consumes = "application/merge-patch+json")
		void patch(@CoapPayload Patch patch) {
		}

		@CoapPostMapping(path = "/vendor", consumes = "application/vnd.acme.reading+json",
				produces = "application/vnd.acme.reading+json")
		Patch vendor(@CoapPayload Patch patch) {
			return patch;
		}

		@CoapPostMapping(path = "/etch", consumes = "application/senml-etch+cbor",
				produces = "application/senml-etch+cbor")
		Optional<CoapResponseEntity<Map<String, Object>>> etch(@CoapPayload Map<String, Object> value) {
			return Optional.of(CoapResponseEntity.ok(value));
		}

		@CoapPostMapping(path = "/raw", consumes = "18")
		void raw(@CoapPayload byte[] signed) {
		}

	}

	@CoapController
	static class UnreadableController {

		@CoapPostMapping(path = "/cose", consumes = "18")
		void add(@CoapPayload Patch patch) {
		}

	}

	@CoapController
	static class UnwritableController {

		@CoapGetMapping(path = "/links", produces = "application/link-format")
		Patch get() {
			return new Patch("p");
		}

	}

	@CoapController
	static class WrappedUnwritableController {

		@CoapGetMapping(path = "/links", produces = "application/link-format")
		CompletableFuture<CoapResponseEntity<Patch>> get() {
			return CompletableFuture.completedFuture(CoapResponseEntity.ok(new Patch("p")));
		}

	}

	@CoapController
	static class GeneralTypesController {

		@CoapGetMapping(path = "/text", produces = "text/plain")
		CharSequence text() {
			return "text";
		}

		@CoapGetMapping(path = "/object", produces = "application/link-format")
		Object object() {
			return "</a>";
		}

		@CoapGetMapping(path = "/links", produces = "application/link-format")
		List<Object> links() {
			return List.of();
		}

	}

}
