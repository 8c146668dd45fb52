package io.coapspring.oscore;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

import io.coapspring.autoconfigure.CoapAutoConfiguration;
import io.coapspring.autoconfigure.CoapClientAutoConfiguration;
import io.coapspring.autoconfigure.CoapHandlerAutoConfiguration;
import io.coapspring.autoconfigure.CoapMessageConvertersAutoConfiguration;
import io.coapspring.autoconfigure.CoapOscoreAutoConfiguration;
import io.coapspring.autoconfigure.CoapServerAutoConfiguration;
import io.coapspring.oscore.OscoreServerEndToEndTests.Device;
import io.coapspring.oscore.OscoreServerEndToEndTests.DeviceConfiguration;
import io.coapspring.oscore.OscoreServerEndToEndTests.Peer;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.coapspring.oscore.OscoreServerEndToEndTests.SALT;
import static io.coapspring.oscore.OscoreServerEndToEndTests.SECRET;
import static io.coapspring.oscore.OscoreServerEndToEndTests.serialize;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A flood of OSCORE requests with a wrong key from one source address, over real UDP: after
 * {@code coap.oscore.failure-limit.max-failures} rejections the source's protected requests are dropped unread,
 * so cf-oscore's stack traces and ERROR lines stay at the limit rather than the flood size, and a good client
 * from another address is still served.
 */
@ExtendWith(OutputCaptureExtension.class)
class OscoreFailureLimitTests {

	private static final int MAX_FAILURES = 5;

	private static final int FLOOD = 60;

	private static final String STACK_TRACE = "InvalidMacException: MAC validation failed!";

	private static final String ERROR_LINE = "Error while receiving OSCore request: Decryption failed";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class,
				CoapMessageConvertersAutoConfiguration.class, CoapHandlerAutoConfiguration.class,
				CoapOscoreAutoConfiguration.class, CoapServerAutoConfiguration.class,
				CoapClientAutoConfiguration.class))
		.withUserConfiguration(DeviceConfiguration.class)
		.withPropertyValues("coap.server.port=0", "coap.server.address=127.0.0.1", "coap.oscore.enabled=true",
				"coap.oscore.contexts.client-a.master-secret=" + SECRET,
				"coap.oscore.contexts.client-a.master-salt=" + SALT, "coap.oscore.contexts.client-a.sender-id=01",
				"coap.oscore.contexts.client-a.recipient-id=0a", "coap.oscore.contexts.client-a.id-context=37cb",
				"coap.oscore.failure-limit.max-failures=" + MAX_FAILURES);

	@Test
	void floodFromOneSourceIsThrottledAndAnotherSourceIsServed(CapturedOutput output) {
		this.runner.run((context) -> {
			int port = context.getBean(CoapServer.class).getEndpoints().get(0).getAddress().getPort();
			InetSocketAddress server = new InetSocketAddress("127.0.0.1", port);
			OscoreCounters counters = context.getBean(OscoreCounters.class);
			int tracesBefore = count(output, STACK_TRACE);
			int errorsBefore = count(output, ERROR_LINE);
			Peer wrongKey = new Peer(context, "ffffffffffffffffffffffffffffffff");
			Peer rightKey = new Peer(context, SECRET);
			try (DatagramSocket attacker = new DatagramSocket(0, InetAddress.getByName("127.0.0.2"))) {
				for (int i = 0; i < FLOOD; i++) {
					send(attacker, serialize(wrongKey.protect(Code.POST, "/echo", "bad"), 0x300 + i), server);
				}
				await().atMost(Duration.ofSeconds(20))
					.until(() -> counters.getDecryptionFailures() + counters.getThrottled() == FLOOD);
				long failures = counters.getDecryptionFailures();
				// one protocol thread (the default): exactly the limit
				assertThat(failures).isEqualTo(MAX_FAILURES);
				assertThat(counters.getThrottled()).isEqualTo(FLOOD - failures);
				assertThat(count(output, STACK_TRACE) - tracesBefore).as("stack traces printed by cf-oscore")
					.isEqualTo((int) failures);
				assertThat(count(output, ERROR_LINE) - errorsBefore).as("ERROR lines of cf-oscore")
					.isEqualTo((int) failures);
				// another source is served
				// (cf-oscore 3.13.0 marks the sequence numbers of requests that failed to decrypt as seen)
				rightKey.setSequence(FLOOD);
				assertThat(rightKey.exchange(Code.POST, "/echo", "good", 0x400).getPayloadString())
					.isEqualTo("echo good");
				// the flooding source is dropped even with the right key, before decryption
				send(attacker, serialize(rightKey.protect(Code.POST, "/echo", "late"), 0x401), server);
				await().atMost(Duration.ofSeconds(10)).until(() -> counters.getThrottled() == FLOOD - failures + 1);
			}
			assertThat(context.getBean(Device.class).echoes).hasValue(1);
			assertThat(context.getBean(OscoreFailureLimiter.class).getTrackedSources()).isEqualTo(1);
		});
	}

	@Test
	void disabledLimitDecryptsEveryRequest() {
		this.runner.withPropertyValues("coap.oscore.failure-limit.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(OscoreFailureLimiter.class);
			int port = context.getBean(CoapServer.class).getEndpoints().get(0).getAddress().getPort();
			OscoreCounters counters = context.getBean(OscoreCounters.class);
			Peer wrongKey = new Peer(context, "ffffffffffffffffffffffffffffffff");
			try (DatagramSocket attacker = new DatagramSocket(0, InetAddress.getByName("127.0.0.2"))) {
				for (int i = 0; i < MAX_FAILURES * 2; i++) {
					send(attacker, serialize(wrongKey.protect(Code.POST, "/echo", "bad"), 0x500 + i),
							new InetSocketAddress("127.0.0.1", port));
				}
				await().atMost(Duration.ofSeconds(20))
					.until(() -> counters.getDecryptionFailures() == MAX_FAILURES * 2);
			}
			assertThat(counters.getThrottled()).isZero();
		});
	}

	private static void send(DatagramSocket socket, byte[] datagram, InetSocketAddress to) throws Exception {
		socket.send(new DatagramPacket(datagram, datagram.length, to));
	}

	private static int count(CapturedOutput output, String text) {
		String all = output.getAll();
		int count = 0;
		for (int i = all.indexOf(text); i >= 0; i = all.indexOf(text, i + 1)) {
			count++;
		}
		return count;
	}

}
