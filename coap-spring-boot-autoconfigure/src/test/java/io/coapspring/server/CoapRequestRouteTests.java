package io.coapspring.server;

import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CoapRequestRoute}.
 */
class CoapRequestRouteTests {

	@Test
	void routeIsRecordedWithTheRequestAndReplaced() {
		Request request = Request.newGet();
		assertThat(CoapRequestRoute.get(request)).isNull();
		CoapRequestRoute.set(request, "/things/{id}");
		assertThat(CoapRequestRoute.get(request)).isEqualTo("/things/{id}");
		CoapRequestRoute.set(request, "/things/{id}/slow");
		assertThat(CoapRequestRoute.get(request)).isEqualTo("/things/{id}/slow");
		assertThat(request.getMessageObservers()).hasSize(1);
	}

	@Test
	void trackedHolderSeesTheRouteRecordedLaterAndKeepsItWhenTheRequestForgetsIt() {
		Request request = Request.newGet();
		CoapRequestRoute holder = CoapRequestRoute.track(request);
		assertThat(holder.getRoute()).isNull();
		assertThat(CoapRequestRoute.get(request)).isNull();
		assertThat(CoapRequestRoute.track(request)).isSameAs(holder);
		CoapRequestRoute.set(request, "/sensors/{id}");
		assertThat(holder.getRoute()).isEqualTo("/sensors/{id}");
		CoapRequestRoute.clear(request);
		assertThat(CoapRequestRoute.get(request)).isNull();
		assertThat(request.getMessageObservers()).isEmpty();
		assertThat(holder.getRoute()).isEqualTo("/sensors/{id}");
	}

	@Test
	void trackingARoutedRequestReturnsItsHolder() {
		Request request = Request.newGet();
		CoapRequestRoute.set(request, "/hello");
		assertThat(CoapRequestRoute.track(request).getRoute()).isEqualTo("/hello");
	}

	@Test
	void emptyRouteIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> CoapRequestRoute.set(Request.newGet(), ""))
			.withMessageContaining("'route' must not be empty");
	}

}
