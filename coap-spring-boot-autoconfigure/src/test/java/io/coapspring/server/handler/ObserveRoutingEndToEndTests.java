package io.coapspring.server.handler;

import java.time.Duration;

import io.coapspring.server.observe.CoapHandlerResource;
import io.coapspring.server.observe.CoapObservedResources;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.Request;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Observe relations of mapped resources are kept by Californium per concrete path, and the resource is
 * released with its last relation (the observe programming model itself comes with the observe issue).
 */
class ObserveRoutingEndToEndTests extends AbstractEndToEndTests {

	@Autowired
	CoapObservedResources observedResources;

	@Test
	void observableMappingEstablishesARelationUntilCancelled() throws Exception {
		CoapClient client = new CoapClient(this.client.uri("/disco/temperature"));
		client.setEndpoint(this.client.getEndpoint());
		client.setTimeout(5000L);
		try {
			CoapObserveRelation relation = client.observeAndWait(new CoapHandler() {

				@Override
				public void onLoad(CoapResponse response) {
				}

				@Override
				public void onError() {
				}

			});
			assertThat(relation.getCurrent().getOptions().hasObserve()).isTrue();
			assertThat(relation.getCurrent().getResponseText()).isEqualTo("{\"t\":21}");
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(this.observedResources.get("/disco/temperature")).isNotNull()
					.extracting(CoapHandlerResource::getObserverCount)
					.isEqualTo(1));
			relation.proactiveCancel();
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(this.observedResources.get("/disco/temperature")).isNull());
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void notObservableMappingAnswersWithoutObserve() {
		Request request = this.client.request(Code.GET, "/returns/string");
		request.setObserve();
		CoapResponse response = this.client.send(request);
		assertThat(response.getResponseText()).isEqualTo("hello");
		assertThat(response.getOptions().hasObserve()).isFalse();
		// the handler thread releases the resource once it handed the response over, which may be after it arrived
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.observedResources.get("/returns/string")).isNull());
	}

}
