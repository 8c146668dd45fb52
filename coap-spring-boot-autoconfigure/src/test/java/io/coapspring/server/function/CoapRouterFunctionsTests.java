package io.coapspring.server.function;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.coapspring.annotation.CoapMethod;
import io.coapspring.convert.ByteArrayCoapMessageConverter;
import io.coapspring.convert.CoapContentFormats;
import io.coapspring.convert.CoapMessageConverters;
import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.invocation.CoapPayloadReader;
import io.coapspring.server.invocation.CoapRequest;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.Test;

import static io.coapspring.server.function.CoapRequestPredicates.GET;
import static io.coapspring.server.function.CoapRequestPredicates.accept;
import static io.coapspring.server.function.CoapRequestPredicates.contentFormat;
import static io.coapspring.server.function.CoapRequestPredicates.method;
import static io.coapspring.server.function.CoapRequestPredicates.path;
import static io.coapspring.server.function.CoapRequestPredicates.queryParam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link CoapRouterFunctions} and {@link CoapRequestPredicates}.
 */
class CoapRouterFunctionsTests {

	private final CoapHandlerFunction ok = (request) -> CoapServerResponse.ok("ok");

	@Test
	void nestedRoutesGetThePrefixAndTheNestingPredicate() {
		CoapRouterFunction routes = CoapRouterFunctions.route()
			.path("/sensors/", (sensors) -> sensors.GET("/{id}", this.ok).PUT("{id}", contentFormat(50), this.ok))
			.nest(accept(50, 60), (json) -> json.GET("/readings", this.ok))
			.path("/root", (root) -> root.route(method(CoapMethod.DELETE), this.ok))
			.build();
		assertThat(routes.getRoutes()).extracting((route) -> route.predicate().getPattern())
			.containsExactly("/sensors/{id}", "/sensors/{id}", "/readings", "/root");
		assertThat(routes.getRoutes().get(1).predicate().getConsumes()).containsExactly(50);
		assertThat(routes.getRoutes().get(2).predicate().getProduces()).containsExactly(50, 60);
		assertThat(routes.getRoutes().get(3).predicate().getMethods()).containsExactly(CoapMethod.DELETE);
	}

	@Test
	void predicatesCombineTheirRestrictions() {
		CoapRequestPredicate predicate = GET("/a").and(method(CoapMethod.GET, CoapMethod.FETCH))
			.and(accept(50, 60))
			.and(accept(60));
		assertThat(predicate.getMethods()).containsExactly(CoapMethod.GET);
		assertThat(predicate.getProduces()).containsExactly(60);
		assertThat(predicate).hasToString("[GET] && /a && Accept [60]");
		assertThatIllegalArgumentException().isThrownBy(() -> path("/a").and(path("/b")))
			.withMessageContaining("nest the routes");
		assertThatIllegalArgumentException().isThrownBy(() -> GET("/a").and(method(CoapMethod.PUT)))
			.withMessageContaining("none in common");
	}

	@Test
	void attributesApplyToTheLastRouteAndFiltersToTheRoutesBeforeThem() throws Exception {
		CoapRouterFunction routes = CoapRouterFunctions.route()
			.GET("/a", this.ok)
			.filter((request, next) -> CoapServerResponse.ok("filtered"))
			.GET("/b", this.ok)
			.withAttributes((attributes) -> attributes.observable(true)
				.resourceType("b")
				.maxAge(Duration.ofSeconds(5))
				.etag(true))
			.build();
		assertThat(routes.getRoutes().get(0).attributes()).isEqualTo(CoapRouteAttributes.DEFAULT);
		assertThat(routes.getRoutes().get(1).attributes()).isEqualTo(
				new CoapRouteAttributes(true, true, List.of("b"), List.of(), null, -1, true, 5));
		CoapServerRequest request = request("/a?x=1");
		assertThat(body(routes.getRoutes().get(0).handler().handle(request))).isEqualTo("filtered");
		assertThat(body(routes.getRoutes().get(1).handler().handle(request))).isEqualTo("ok");
		assertThatIllegalStateException()
			.isThrownBy(() -> CoapRouterFunctions.route().withAttributes((attributes) -> attributes.etag(true)));
		assertThatIllegalArgumentException().isThrownBy(() -> CoapRouterFunctions.route().build());
	}

	@Test
	void conditionsAreTestedPerRequest() {
		CoapRequestPredicate predicate = queryParam("unit", "c");
		assertThat(predicate.testConditions(request("/a?unit=c"))).isTrue();
		assertThat(predicate.testConditions(request("/a?unit=f"))).isFalse();
		assertThat(predicate.testConditions(request("/a"))).isFalse();
	}

	@Test
	void asyncResponsesTakeResponsesEntitiesOrBodies() {
		assertThat(body(CoapServerResponse.async(java.util.concurrent.CompletableFuture.completedFuture("b"))))
			.isEqualTo("b");
		assertThat(body(CoapServerResponse
			.async(java.util.concurrent.CompletableFuture.completedFuture(CoapResponseEntity.ok("e"))))).isEqualTo("e");
		assertThat(body(CoapServerResponse
			.async(java.util.concurrent.CompletableFuture.completedFuture(CoapServerResponse.ok("r"))))).isEqualTo("r");
	}

	private static Object body(CoapServerResponse response) {
		return response.toEntity().toCompletableFuture().join().getBody();
	}

	private static CoapServerRequest request(String uri) {
		Request request = new Request(Code.GET);
		request.setURI("coap://127.0.0.1" + uri);
		request.setSourceContext(new org.eclipse.californium.elements.AddressEndpointContext(
				new java.net.InetSocketAddress("127.0.0.1", 5683)));
		return new CoapServerRequest(new CoapRequest(request, Map.of(), null),
				new CoapPayloadReader(new CoapMessageConverters(List.of(new ByteArrayCoapMessageConverter()), new CoapContentFormats()), null));
	}

}
