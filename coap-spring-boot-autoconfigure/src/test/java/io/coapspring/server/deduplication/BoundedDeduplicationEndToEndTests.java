package io.coapspring.server.deduplication;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.coapspring.autoconfigure.CoapAutoConfiguration;
import io.coapspring.autoconfigure.CoapMetricsAutoConfiguration;
import io.coapspring.autoconfigure.CoapServerAutoConfiguration;
import io.coapspring.server.PlainCoapProbe;
import io.coapspring.server.metrics.CoapDeduplicationMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.coap.Token;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's endpoints deduplicate within a total bound: beyond {@code coap.deduplication.max-messages} the
 * message of the least recently active peer is forgotten (its retransmission runs the handler again) and counted
 * in {@code coap.server.deduplication.evictions}, while the messages still remembered are answered by
 * deduplication.
 */
class BoundedDeduplicationEndToEndTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class, CoapServerAutoConfiguration.class,
				CoapMetricsAutoConfiguration.class))
		.withUserConfiguration(CountingResourceConfiguration.class)
		.withBean(SimpleMeterRegistry.class)
		.withPropertyValues("coap.server.port=0", "coap.server.address=127.0.0.1");

	@Test
	void messagesBeyondTheTotalBoundAreForgottenOldestPeerFirstAndCounted() {
		this.runner.withPropertyValues("coap.deduplication.max-messages=2").run((context) -> {
			AtomicInteger handled = context.getBean(CountingResourceConfiguration.class).handled;
			InetSocketAddress address = new InetSocketAddress("127.0.0.1",
					context.getBean(CoapServer.class).getEndpoints().get(0).getAddress().getPort());
			List<PlainCoapProbe> peers = new ArrayList<>();
			try {
				for (int i = 0; i < 3; i++) {
					PlainCoapProbe peer = new PlainCoapProbe(address);
					peers.add(peer);
					assertThat(send(peer, 7).getCode()).isEqualTo(ResponseCode.CONTENT);
				}
				assertThat(handled).hasValue(3);
				// the last two peers are remembered: their retransmissions are answered by deduplication
				send(peers.get(2), 7);
				send(peers.get(1), 7);
				assertThat(handled).hasValue(3);
				// the first peer's message was forgotten to make room: its retransmission runs the handler again
				send(peers.get(0), 7);
				assertThat(handled).hasValue(4);
				// Boot's metrics auto-configuration binds MeterBinder beans; here the binder is applied by hand
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				context.getBean(CoapDeduplicationMetrics.class).bindTo(registry);
				assertThat(registry.get("coap.server.deduplication.evictions")
					.tag("reason", "max-messages")
					.functionCounter()
					.count()).isEqualTo(2.0);
				assertThat(registry.get("coap.server.deduplication.messages").gauge().value()).isEqualTo(2.0);
				assertThat(context.getBean(CoapDeduplication.class).getStatistics().rememberedPeers()).isEqualTo(2);
			}
			finally {
				peers.forEach(PlainCoapProbe::close);
			}
		});
	}

	@Test
	void cropRotationModeKeepsCaliforniumsDeduplicator() {
		this.runner.withPropertyValues("coap.deduplication.mode=crop-rotation", "coap.deduplication.max-messages=1")
			.run((context) -> {
				InetSocketAddress address = new InetSocketAddress("127.0.0.1",
						context.getBean(CoapServer.class).getEndpoints().get(0).getAddress().getPort());
				try (PlainCoapProbe first = new PlainCoapProbe(address);
						PlainCoapProbe second = new PlainCoapProbe(address)) {
					send(first, 7);
					send(second, 7);
				}
				assertThat(context.getBean(CoapDeduplication.class).getStatistics().rememberedMessages()).isZero();
			});
	}

	private static Response send(PlainCoapProbe peer, int mid) throws Exception {
		Request request = Request.newGet();
		request.setType(Type.CON);
		request.setMID(mid);
		request.setToken(Token.fromProvider(new byte[] { 1, 2, 3, (byte) mid }));
		request.getOptions().setUriPath("count");
		Response response = peer.exchange(request, 5_000);
		assertThat(response).isNotNull();
		return response;
	}

	@Configuration(proxyBeanMethods = false)
	static class CountingResourceConfiguration {

		final AtomicInteger handled = new AtomicInteger();

		@Bean
		CoapResource count() {
			return new CoapResource("count") {

				@Override
				public void handleGET(CoapExchange exchange) {
					exchange.respond(String.valueOf(CountingResourceConfiguration.this.handled.incrementAndGet()));
				}

			};
		}

	}

}
