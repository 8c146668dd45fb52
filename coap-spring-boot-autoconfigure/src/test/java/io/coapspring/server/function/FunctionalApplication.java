package io.coapspring.server.function;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapControllerAdvice;
import io.coapspring.annotation.CoapExceptionHandler;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapPathVariable;
import io.coapspring.convert.CoapResponseEntity;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.option.StringOptionDefinition;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static io.coapspring.server.function.CoapRequestPredicates.accept;
import static io.coapspring.server.function.CoapRequestPredicates.contentFormat;
import static io.coapspring.server.function.CoapRequestPredicates.method;
import static io.coapspring.server.function.CoapRequestPredicates.option;
import static io.coapspring.server.function.CoapRequestPredicates.path;

/**
 * The application of the functional end-to-end tests: router function beans beside an annotated controller, an
 * advice that maps an exception of a handler function, and a listener of mapping changes.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ FunctionalApplication.AnnotatedReadings.class, FunctionalApplication.FunctionalAdvice.class })
class FunctionalApplication {

	static final int TENANT_OPTION = 65000;

	@Bean
	StringOptionDefinition tenantOption() {
		return new StringOptionDefinition(TENANT_OPTION, "X-Tenant");
	}

	@Bean
	CoapRouterFunction echoRoutes() {
		CoapHandlerFunction echo = (request) -> CoapServerResponse.ok(request.method().name());
		return CoapRouterFunctions.route()
			.route(path("/fn/echo").and(method(io.coapspring.annotation.CoapMethod.values())), echo)
			.withAttributes((attributes) -> attributes.resourceType("echo").title("Echo"))
			.build();
	}

	@Bean
	CoapRouterFunction sensorRoutes() {
		return CoapRouterFunctions.route()
			.path("/fn", (fn) -> fn
				.GET("/sensors/{id}", accept(50),
						(request) -> CoapServerResponse.ok(new Reading(request.pathVariable("id"), 21.5)))
				.PUT("/sensors/{id}", contentFormat(50, 60), (request) -> {
					Reading reading = request.validBody(Reading.class);
					return CoapServerResponse.changed().body(reading.id() + "=" + reading.value());
				})
				.GET("/level", (request) -> CoapServerResponse.ok("level"))
				.withAttributes((attributes) -> attributes.observable(true).resourceType("level").etag(true))
				.GET("/async", (request) -> CoapServerResponse.async(CompletableFuture.supplyAsync(() -> "later",
						CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS))))
				.GET("/fail", (request) -> {
					throw new FunctionalFailure("failed on purpose");
				})
				.GET("/tenant", option(TENANT_OPTION, "acme"), (request) -> CoapServerResponse.ok("acme"))
				.GET("/tenant", (request) -> CoapServerResponse.ok("default")))
			.filter((request, next) -> request.param("deny").isPresent()
					? CoapServerResponse.status(ResponseCode.FORBIDDEN).body("denied") : next.handle(request))
			.build();
	}

	@Bean
	MappingEvents mappingEvents() {
		return new MappingEvents();
	}

	record Reading(@NotBlank String id, @Min(-50) double value) {
	}

	static class FunctionalFailure extends RuntimeException {

		FunctionalFailure(String message) {
			super(message);
		}

	}

	static class MappingEvents implements ApplicationListener<CoapMappingsChangedEvent> {

		final List<CoapMappingsChangedEvent> events = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(CoapMappingsChangedEvent event) {
			this.events.add(event);
		}

	}

	@CoapController
	static class AnnotatedReadings {

		@CoapGetMapping(path = "/annotated/{id}", produces = "application/json")
		Reading read(@CoapPathVariable String id) {
			return new Reading(id, 21.5);
		}

	}

	@CoapControllerAdvice
	static class FunctionalAdvice {

		@CoapExceptionHandler
		CoapResponseEntity<String> failure(FunctionalFailure failure) {
			return CoapResponseEntity.status(ResponseCode.CONFLICT).maxAge(Duration.ofSeconds(3)).body(failure.getMessage());
		}

	}

}
