package io.coapspring.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.coapspring.convert.CoapResponseEntity;
import io.coapspring.server.context.LocalCoapPort;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every CON request of a bounded batch completes through a link that loses about 30% of the datagrams in
 * each direction: retransmission (200 ms ACK timeout in the test configuration) and the server's
 * deduplication make up for the losses.
 */
@CoapClientIntegrationTest
class LossyLinkTests {

	private static final int BATCH = 20;

	@Autowired
	private CoapTemplate coap;

	@LocalCoapPort
	private int port;

	@Test
	void everyConfirmableRequestOfABatchCompletesThroughALossyLink() throws Exception {
		InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port);
		try (LossyUdpRelay relay = new LossyUdpRelay(server, 0.3, 20240607L)) {
			String echo = "coap://127.0.0.1:" + relay.port() + "/echo?n={n}";
			List<CompletableFuture<CoapResponseEntity<String>>> responses = new ArrayList<>();
			for (int i = 0; i < BATCH; i++) {
				responses.add(this.coap.exchangeAsync(CoapRequestEntity.post(echo, i)
					.maxRetransmit(20)
					.timeout(Duration.ofSeconds(60))
					.body("message " + i), String.class));
			}
			for (int i = 0; i < BATCH; i++) {
				assertThat(responses.get(i).get(60, TimeUnit.SECONDS).getBody()).isEqualTo("POST:message " + i);
			}
			// each datagram is dropped with probability 0.3; a batch this small shows that losses happened in
			// both directions and were made up for, not a precise rate
			assertThat(relay.toServer().dropped()).as("datagrams lost towards the server").isGreaterThanOrEqualTo(2);
			assertThat(relay.toClient().dropped()).as("datagrams lost towards the client").isGreaterThanOrEqualTo(2);
			assertThat(relay.toServer().forwarded() + relay.toServer().dropped()).as("retransmissions happened")
				.isGreaterThan(BATCH);
		}
	}

}
