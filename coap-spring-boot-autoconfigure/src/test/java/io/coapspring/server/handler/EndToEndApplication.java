package io.coapspring.server.handler;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.coapspring.convert.CoapContentFormat;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.invocation.CoapHandlerMethodArgumentResolver;
import io.coapspring.server.invocation.CoapHandlerMethodReturnValueHandler;
import io.coapspring.server.invocation.CoapRequest;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.option.IntegerOptionDefinition;
import org.eclipse.californium.core.coap.option.StringOptionDefinition;
import org.eclipse.californium.core.server.resources.CoapExchange;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.MethodParameter;

/**
 * The application of the end-to-end tests: the test controllers, two custom options, a custom Content-Format,
 * a custom argument resolver and return value handler, and a plain Californium resource.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ ArgumentsController.class, ReturnsController.class, ErrorsController.class, ErrorsAdvice.class,
		ConditionalController.class, DiscoveryController.class, FormatsController.class })
class EndToEndApplication {

	/** A critical custom option (odd number). */
	static final int SENSOR_ID_OPTION = 65001;

	/** An elective custom option (even number). */
	static final int TENANT_OPTION = 65000;

	/** A custom Content-Format. */
	static final int VENDOR_FORMAT = 65100;

	@Bean
	IntegerOptionDefinition sensorIdOption() {
		return new IntegerOptionDefinition(SENSOR_ID_OPTION, "X-Sensor-Id");
	}

	@Bean
	StringOptionDefinition tenantOption() {
		return new StringOptionDefinition(TENANT_OPTION, "X-Tenant");
	}

	@Bean
	CoapContentFormat vendorFormat() {
		return new CoapContentFormat(VENDOR_FORMAT, "application/vnd.acme.reading+json", true);
	}

	@Bean
	CoapHandlerMethodArgumentResolver clientNameResolver() {
		return new CoapHandlerMethodArgumentResolver() {

			@Override
			public boolean supportsParameter(MethodParameter parameter) {
				return parameter.getParameterType() == ClientName.class;
			}

			@Override
			public Object resolveArgument(MethodParameter parameter, CoapRequest request) {
				List<String> names = request.getQueryParameters().get("client");
				return new ClientName((names != null) ? names.get(0) : request.getPeerAddress().getHostString());
			}

		};
	}

	@Bean
	CoapHandlerMethodReturnValueHandler temperatureHandler() {
		return new CoapHandlerMethodReturnValueHandler() {

			@Override
			public boolean supportsReturnType(MethodParameter returnType) {
				return returnType.getNestedParameterType() == Temperature.class;
			}

			@Override
			public CompletionStage<CoapResponseEntity<?>> handleReturnValue(Object returnValue,
					MethodParameter returnType, CoapRequest request) {
				Temperature temperature = (Temperature) returnValue;
				return CompletableFuture.completedFuture(
						CoapResponseEntity.content().maxAge(5).body(temperature.celsius() + " C"));
			}

		};
	}

	@Bean
	CoapResource legacyResource() {
		CoapResource resource = new CoapResource("legacy") {

			@Override
			public void handleGET(CoapExchange exchange) {
				exchange.respond("plain californium resource");
			}

		};
		resource.getAttributes().setTitle("Legacy");
		return resource;
	}

}
