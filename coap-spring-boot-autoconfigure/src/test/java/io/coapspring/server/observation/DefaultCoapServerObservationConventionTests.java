package io.coapspring.server.observation;

import java.net.InetSocketAddress;

import io.coapspring.server.CoapRequestRoute;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DefaultCoapServerObservationConvention} and {@link CoapServerObservationContext}: the key
 * values and names made once per route, method and code are the ones made per request.
 */
class DefaultCoapServerObservationConventionTests {

	private final DefaultCoapServerObservationConvention convention = new DefaultCoapServerObservationConvention();

	@Test
	void keyValuesAreKeptPerRouteMethodAndCode() {
		CoapServerObservationContext first = context(Request.newGet(), "/things/{id}", ResponseCode.CONTENT);
		KeyValues values = this.convention.getLowCardinalityKeyValues(first);
		assertThat(values).containsExactly(KeyValue.of("code", "2.05"), KeyValue.of("method", "GET"),
				KeyValue.of("outcome", "SUCCESS"), KeyValue.of("uri", "/things/{id}"));
		CoapServerObservationContext second = context(Request.newGet(), "/things/{id}", ResponseCode.CONTENT);
		assertThat(this.convention.getLowCardinalityKeyValues(second)).isSameAs(values);
		assertThat(this.convention.getContextualName(second)).isEqualTo("coap GET /things/{id}")
			.isSameAs(this.convention.getContextualName(first));
		CoapServerObservationContext post = context(Request.newPost(), "/things/{id}", ResponseCode.BAD_REQUEST);
		assertThat(this.convention.getLowCardinalityKeyValues(post)).containsExactly(KeyValue.of("code", "4.00"),
				KeyValue.of("method", "POST"), KeyValue.of("outcome", "CLIENT_ERROR"),
				KeyValue.of("uri", "/things/{id}"));
		assertThat(this.convention.getContextualName(post)).isEqualTo("coap POST /things/{id}");
		CoapServerObservationContext started = context(Request.newGet(), "/things/{id}", null);
		assertThat(this.convention.getLowCardinalityKeyValues(started)).containsExactly(KeyValue.of("code", "NONE"),
				KeyValue.of("method", "GET"), KeyValue.of("outcome", "UNKNOWN"), KeyValue.of("uri", "/things/{id}"));
		CoapServerObservationContext notFound = context(Request.newGet(), null, ResponseCode.NOT_FOUND);
		assertThat(this.convention.getLowCardinalityKeyValues(notFound)).contains(KeyValue.of("uri", "NOT_FOUND"));
		assertThat(this.convention.getContextualName(notFound)).isEqualTo("coap GET");
	}

	@Test
	void routesBeyondTheBoundAreNamedPerRequest() {
		for (int i = 0; i < DefaultCoapServerObservationConvention.MAX_CACHED_ROUTES + 10; i++) {
			CoapServerObservationContext context = context(Request.newGet(), "/r" + i, ResponseCode.CONTENT);
			assertThat(this.convention.getLowCardinalityKeyValues(context)).contains(KeyValue.of("uri", "/r" + i));
			assertThat(this.convention.getContextualName(context)).isEqualTo("coap GET /r" + i);
		}
	}

	@Test
	void pathAndPeerAddressAreMadeWhenAskedFor() {
		Request request = Request.newGet();
		request.getOptions().setUriPath("things/42");
		CoapServerObservationContext context = context(request, "/things/{id}", null);
		assertThat(this.convention.getHighCardinalityKeyValues(context))
			.containsExactly(KeyValue.of("coap.path", "/things/42"));
		assertThat(this.convention.getHighCardinalityKeyValues(context))
			.isSameAs(this.convention.getHighCardinalityKeyValues(context));
		assertThat(context.getPath()).isSameAs(context.getPath());
		assertThat(context.getRemoteServiceAddress()).isEqualTo("/127.0.0.1:5683");
		context.setRemoteServiceAddress("gateway");
		assertThat(context.getRemoteServiceAddress()).isEqualTo("gateway");
	}

	@Test
	void contextReturnsTheKeyValuesAddedWholeAsTheyWereAdded() {
		CoapServerObservationContext context = context(Request.newGet(), "/things/{id}", null);
		assertThat(context.getLowCardinalityKeyValues()).isEmpty();
		KeyValues started = this.convention.getLowCardinalityKeyValues(context);
		context.addLowCardinalityKeyValues(started);
		assertThat(context.getLowCardinalityKeyValues()).isSameAs(started);
		context.setResponse(new Response(ResponseCode.CONTENT));
		KeyValues stopped = this.convention.getLowCardinalityKeyValues(context);
		context.addLowCardinalityKeyValues(stopped);
		assertThat(context.getLowCardinalityKeyValues()).isSameAs(stopped);
		assertThat(context.getLowCardinalityKeyValue("code")).isEqualTo(KeyValue.of("code", "2.05"));
		KeyValues path = this.convention.getHighCardinalityKeyValues(context);
		context.addHighCardinalityKeyValues(path);
		context.addHighCardinalityKeyValues(path);
		assertThat(context.getHighCardinalityKeyValues()).isSameAs(path);
		context.addHighCardinalityKeyValue(KeyValue.of("peer", "node-7"));
		assertThat(context.getHighCardinalityKeyValues()).containsExactlyElementsOf(
				path.and(KeyValue.of("peer", "node-7")));
	}

	@Test
	void contextBuildsTheKeyValuesAgainOnceOthersWereAddedOrRemoved() {
		CoapServerObservationContext context = context(Request.newGet(), "/things/{id}", ResponseCode.CONTENT);
		KeyValues convention = this.convention.getLowCardinalityKeyValues(context);
		context.addLowCardinalityKeyValues(convention);
		context.addLowCardinalityKeyValue(KeyValue.of("region", "eu"));
		assertThat(context.getLowCardinalityKeyValues()).containsExactlyElementsOf(
				convention.and(KeyValue.of("region", "eu")));
		// the convention's key values again, as a stop adds them: the extra one stays
		context.addLowCardinalityKeyValues(convention);
		assertThat(context.getLowCardinalityKeyValues()).contains(KeyValue.of("region", "eu")).hasSize(5);
		context.removeLowCardinalityKeyValues("region", "outcome");
		assertThat(context.getLowCardinalityKeyValues()).containsExactly(KeyValue.of("code", "2.05"),
				KeyValue.of("method", "GET"), KeyValue.of("uri", "/things/{id}"));
		// other keys added whole to keys already there: the union
		CoapServerObservationContext other = context(Request.newGet(), "/things/{id}", ResponseCode.CONTENT);
		other.addLowCardinalityKeyValues(convention);
		other.addLowCardinalityKeyValues(KeyValues.of("region", "eu"));
		assertThat(other.getLowCardinalityKeyValues()).containsExactlyElementsOf(
				convention.and(KeyValue.of("region", "eu")));
	}

	@Test
	void contextAnswersEveryReaderTheSameWhetherKeyValuesAreKeptWholeOrInItsMap() {
		Request request = Request.newGet();
		request.getOptions().setUriPath("things/42");
		CoapServerObservationContext context = context(request, "/things/{id}", ResponseCode.CONTENT);
		context.addLowCardinalityKeyValues(this.convention.getLowCardinalityKeyValues(context));
		context.addHighCardinalityKeyValues(this.convention.getHighCardinalityKeyValues(context));
		assertThat(context.getLowCardinalityKeyValue("uri")).isEqualTo(KeyValue.of("uri", "/things/{id}"));
		assertThat(context.getLowCardinalityKeyValue("peer")).isNull();
		assertThat(context.getHighCardinalityKeyValue("coap.path")).isEqualTo(KeyValue.of("coap.path", "/things/42"));
		assertThat(context.getAllKeyValues()).hasSize(5).contains(KeyValue.of("coap.path", "/things/42"),
				KeyValue.of("method", "GET"));
		assertThat(context.toString()).contains("coap.path='/things/42'").contains("uri='/things/{id}'");
		// into the maps: the same answers, and the change
		context.addHighCardinalityKeyValue(KeyValue.of("peer", "gateway"));
		context.removeLowCardinalityKeyValue("outcome");
		assertThat(context.getLowCardinalityKeyValue("uri")).isEqualTo(KeyValue.of("uri", "/things/{id}"));
		assertThat(context.getLowCardinalityKeyValue("outcome")).isNull();
		assertThat(context.getHighCardinalityKeyValues()).containsExactly(KeyValue.of("coap.path", "/things/42"),
				KeyValue.of("peer", "gateway"));
		assertThat(context.getAllKeyValues()).hasSize(5).contains(KeyValue.of("peer", "gateway"))
			.doesNotContain(KeyValue.of("outcome", "SUCCESS"));
	}

	private static CoapServerObservationContext context(Request request, @Nullable String route,
			@Nullable ResponseCode code) {
		request.setSourceContext(new AddressEndpointContext(new InetSocketAddress("127.0.0.1", 5683)));
		if (route != null) {
			CoapRequestRoute.set(request, route);
		}
		CoapServerObservationContext context = new CoapServerObservationContext(request);
		if (code != null) {
			context.setResponse(new Response(code));
		}
		return context;
	}

}
