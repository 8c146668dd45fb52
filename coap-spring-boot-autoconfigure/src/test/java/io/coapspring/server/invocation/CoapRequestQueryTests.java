package io.coapspring.server.invocation;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;

import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the query of a {@link CoapRequest}: an observer's request is kept as long as the observation, so
 * reading a query that is not there must not leave anything behind in Californium's options.
 */
class CoapRequestQueryTests {

	@Test
	void readsAQuery() {
		Request request = new Request(Code.GET);
		request.getOptions().addUriQuery("unit=F").addUriQuery("gt=25");
		CoapRequest view = new CoapRequest(request, Map.of(), "/sensors/{id}");
		assertThat(view.getQuery()).isEqualTo("unit=F&gt=25");
		assertThat(view.getQueryParameters()).containsEntry("unit", List.of("F"));
		assertThat(view.getQueryItems()).containsExactly("unit=F", "gt=25");
	}

	@Test
	void readsNoQueryOfAnObserverWithoutCreatingTheListOfQueryOptions() throws Exception {
		Request request = new Request(Code.GET);
		request.getOptions().setUriPath("sensors/7");
		request.setObserve();
		CoapRequest view = new CoapRequest(request, Map.of(), "/sensors/{id}");
		assertThat(view.getQuery()).isEmpty();
		assertThat(view.getQueryParameters()).isEmpty();
		assertThat(view.getQueryItems()).isEmpty();
		Field list = request.getOptions().getClass().getDeclaredField("uri_query_list");
		list.setAccessible(true);
		assertThat(list.get(request.getOptions())).isNull();
	}

	@Test
	void readsNoQueryOfAnyOtherRequest() {
		Request request = new Request(Code.GET);
		request.getOptions().setUriPath("sensors/7");
		CoapRequest view = new CoapRequest(request, Map.of(), "/sensors/{id}");
		assertThat(view.getQuery()).isEmpty();
		assertThat(view.getQueryParameters()).isEmpty();
		assertThat(view.getQueryItems()).isEmpty();
	}

}
