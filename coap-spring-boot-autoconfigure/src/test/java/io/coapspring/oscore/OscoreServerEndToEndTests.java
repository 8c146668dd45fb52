package io.coapspring.oscore;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import io.coapspring.annotation.CoapController;
import io.coapspring.annotation.CoapGetMapping;
import io.coapspring.annotation.CoapOscoreRequired;
import io.coapspring.annotation.CoapPayload;
import io.coapspring.annotation.CoapPostMapping;
import io.coapspring.autoconfigure.CoapAutoConfiguration;
import io.coapspring.autoconfigure.CoapClientAutoConfiguration;
import io.coapspring.autoconfigure.CoapHandlerAutoConfiguration;
import io.coapspring.autoconfigure.CoapMessageConvertersAutoConfiguration;
import io.coapspring.autoconfigure.CoapOscoreAutoConfiguration;
import io.coapspring.autoconfigure.CoapServerAutoConfiguration;
import io.coapspring.security.CoapPeerIdentity;
import io.coapspring.server.invocation.CoapRequest;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.Code;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.eclipse.californium.cose.AlgorithmID;
import org.eclipse.californium.elements.AddressEndpointContext;
import org.eclipse.californium.oscore.HashMapCtxDB;
import org.eclipse.californium.oscore.OSCoreCtx;
import org.eclipse.californium.oscore.RequestEncryptor;
import org.eclipse.californium.oscore.ResponseDecryptor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server with OSCORE, over real UDP sockets: protected requests reach the handler methods with their OSCORE
 * identity, unprotected requests to methods that require OSCORE and every kind of bad OSCORE input are answered
 * without running anything, and each rejection is counted.
 */
class OscoreServerEndToEndTests {

	static final String SECRET = "0102030405060708090a0b0c0d0e0f10";

	static final String SALT = "9e7ca92223786340";

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
				"coap.oscore.required-paths=/admin/**");

	@Test
	void protectedGetReachesTheHandlerWithTheOscoreIdentity() {
		this.runner.run((context) -> {
			Peer peer = new Peer(context, SECRET);
			Response response = peer.exchange(Code.GET, "/secret", null, 1);
			assertThat(response.getCode()).isEqualTo(ResponseCode.CONTENT);
			assertThat(response.getPayloadString()).isEqualTo("secret for 37cb:0a (OSCORE)");
			assertThat(context.getBean(Device.class).calls).hasValue(1);
			assertThat(context.getBean(OscoreCounters.class).getReceived()).isEqualTo(1);
		});
	}

	@Test
	void protectedPostAndRequestsToMethodsWithoutTheRequirement() {
		this.runner.run((context) -> {
			Peer peer = new Peer(context, SECRET);
			Response posted = peer.exchange(Code.POST, "/echo", "hello", 2);
			assertThat(posted.getCode()).isEqualTo(ResponseCode.CHANGED);
			assertThat(posted.getPayloadString()).isEqualTo("echo hello");
			Response open = peer.exchange(Code.GET, "/open", null, 3);
			assertThat(open.getPayloadString()).isEqualTo("open to 37cb:0a");
			assertThat(peer.plain(Code.GET, "/open", 4)[1] & 0xFF).as("2.05").isEqualTo(0x45);
		});
	}

	@Test
	void unprotectedRequestsToRequiredMethodsAndPathsAre401AndNotExecuted() {
		this.runner.run((context) -> {
			Peer peer = new Peer(context, SECRET);
			byte[] annotated = peer.plain(Code.GET, "/secret", 5);
			assertThat(annotated[1] & 0xFF).as("4.01").isEqualTo(0x81);
			assertThat(new String(annotated, StandardCharsets.UTF_8))
				.endsWith("The resource is only accessible using OSCORE");
			assertThat(peer.plain(Code.GET, "/admin/status", 6)[1] & 0xFF).as("4.01").isEqualTo(0x81);
			assertThat(context.getBean(Device.class).calls).hasValue(0);
			assertThat(peer.exchange(Code.GET, "/admin/status", null, 7).getPayloadString()).isEqualTo("admin");
			assertThat(context.getBean(OscoreCounters.class).getUnprotected()).isEqualTo(2);
		});
	}

	@Test
	void replayedRequestIs401AndNotExecutedAgain() {
		this.runner.run((context) -> {
			Peer peer = new Peer(context, SECRET);
			Request request = peer.protect(Code.POST, "/echo", "once");
			byte[] first = peer.send(serialize(request, 0x100));
			assertThat(first[1] & 0xFF).as("2.04").isEqualTo(0x44);
			byte[] replayed = peer.send(serialize(request, 0x101));
			assertThat(replayed[1] & 0xFF).as("4.01").isEqualTo(0x81);
			assertThat(new String(replayed, StandardCharsets.US_ASCII)).endsWith("Replay detected");
			assertThat(context.getBean(Device.class).echoes).hasValue(1);
			assertThat(context.getBean(OscoreCounters.class).getReplays()).isEqualTo(1);
		});
	}

	@Test
	void wrongKeyUnknownKidAndMalformedOptionAreRejectedWithoutExecution() {
		this.runner.run((context) -> {
			Peer wrongKey = new Peer(context, "ffffffffffffffffffffffffffffffff");
			byte[] decryption = wrongKey.send(serialize(wrongKey.protect(Code.POST, "/echo", "x"), 0x200));
			assertThat(decryption[1] & 0xFF).as("4.00").isEqualTo(0x80);
			Peer unknown = new Peer(context, SECRET, new byte[] { 0x0b });
			byte[] kid = unknown.send(serialize(unknown.protect(Code.POST, "/echo", "x"), 0x201));
			assertThat(kid[1] & 0xFF).as("4.01").isEqualTo(0x81);
			Peer peer = new Peer(context, SECRET);
			Request request = peer.protect(Code.POST, "/echo", "x");
			request.getOptions().setOscore(new byte[] { (byte) 0xff, 0x01 });
			byte[] malformed = peer.send(serialize(request, 0x202));
			assertThat(malformed[1] & 0xFF).as("4.02").isEqualTo(0x82);
			assertThat(context.getBean(Device.class).echoes).hasValue(0);
			OscoreCounters counters = context.getBean(OscoreCounters.class);
			assertThat(counters.getDecryptionFailures()).isEqualTo(1);
			assertThat(counters.getUnknownContexts()).isEqualTo(1);
			assertThat(counters.getMalformed()).isEqualTo(1);
			// and the server keeps answering
			assertThat(peer.exchange(Code.POST, "/echo", "after", 0x203).getPayloadString()).isEqualTo("echo after");
		});
	}

	static byte[] serialize(Request request, int mid) {
		request.setMID(mid);
		return new UdpDataSerializer().getByteArray(request);
	}

	/**
	 * The client side, with a context that mirrors the server's (sender 0a, recipient 01) and raw datagrams.
	 */
	static final class Peer {

		private final int port;

		private final HashMapCtxDB db = new HashMapCtxDB();

		private final String uri;

		Peer(AssertableApplicationContext context, String secret) throws Exception {
			this(context, secret, new byte[] { 0x0a });
		}

		Peer(AssertableApplicationContext context, String secret, byte[] senderId) throws Exception {
			this.port = context.getBean(CoapServer.class).getEndpoints().get(0).getAddress().getPort();
			this.uri = "coap://127.0.0.1:" + this.port;
			java.util.HexFormat hex = java.util.HexFormat.of();
			this.db.addContext(this.uri, new OSCoreCtx(hex.parseHex(secret), true, AlgorithmID.AES_CCM_16_64_128,
					senderId, new byte[] { 0x01 }, AlgorithmID.HKDF_HMAC_SHA_256, 32, hex.parseHex(SALT),
					hex.parseHex("37cb"), 1024));
			this.db.getContext(this.uri).setIncludeContextId(true);
		}

		/**
		 * Continue with the given sender sequence number.
		 */
		void setSequence(int sequence) throws Exception {
			this.db.getContext(this.uri).setSenderSeq(sequence);
		}

		Request protect(Code code, String path, @Nullable String payload) throws Exception {
			Request request = new Request(code, Type.NON);
			request.setURI(this.uri + path);
			request.setToken(new byte[] { 1, 2, 3, (byte) path.length() });
			if (payload != null) {
				request.setPayload(payload);
				request.getOptions().setContentFormat(0);
			}
			return RequestEncryptor.encrypt(this.db, request);
		}

		Response exchange(Code code, String path, @Nullable String payload, int mid) throws Exception {
			return exchange(protect(code, path, payload), this.port, mid);
		}

		/**
		 * Send a protected request to the origin through a forward proxy, with a Proxy-Uri.
		 */
		Response exchangeThrough(int proxyPort, Code code, String path, String payload, int mid) throws Exception {
			Request request = new Request(code, Type.NON);
			request.setURI("coap://127.0.0.1:" + proxyPort);
			request.getOptions().setProxyUri(this.uri + path);
			request.setToken(new byte[] { 7, 7 });
			request.setPayload(payload);
			request.getOptions().setContentFormat(0);
			return exchange(RequestEncryptor.encrypt(this.db, request), proxyPort, mid);
		}

		private Response exchange(Request request, int port, int mid) throws Exception {
			int sequence = this.db.getContext(this.uri).getSenderSeq() - 1;
			byte[] reply = send(serialize(request, mid), port);
			Response response = (Response) new UdpDataParser().parseMessage(reply);
			assertThat(response.getCode()).as("outer code of a protected response").isIn(ResponseCode.CHANGED,
					ResponseCode.CONTENT);
			assertThat(response.getOptions().hasOscore()).isTrue();
			this.db.addContext(response.getToken(), this.db.getContext(this.uri));
			return ResponseDecryptor.decrypt(this.db, response, sequence);
		}

		byte[] plain(Code code, String path, int mid) throws Exception {
			Request request = new Request(code, Type.NON);
			request.setURI(this.uri + path);
			request.setToken(new byte[] { 9 });
			return send(serialize(request, mid));
		}

		byte[] send(byte[] datagram) throws Exception {
			return send(datagram, this.port);
		}

		byte[] send(byte[] datagram, int port) throws Exception {
			try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
				socket.setSoTimeout(5000);
				socket.send(new DatagramPacket(datagram, datagram.length,
						new InetSocketAddress("127.0.0.1", port)));
				DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
				socket.receive(packet);
				return java.util.Arrays.copyOf(packet.getData(), packet.getLength());
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class DeviceConfiguration {

		@Bean
		Device device() {
			return new Device();
		}

	}

	@CoapController
	static class Device {

		final AtomicInteger calls = new AtomicInteger();

		final AtomicInteger echoes = new AtomicInteger();

		@CoapOscoreRequired
		@CoapGetMapping("/secret")
		String secret(CoapRequest request) {
			this.calls.incrementAndGet();
			CoapPeerIdentity identity = request.getPeerIdentity();
			return "secret for " + identity.getName() + " (" + identity.getType() + ")";
		}

		@CoapOscoreRequired
		@CoapPostMapping("/echo")
		String echo(@CoapPayload String body) {
			this.echoes.incrementAndGet();
			return "echo " + body;
		}

		@CoapGetMapping("/open")
		String open(CoapRequest request) {
			CoapPeerIdentity identity = request.getPeerIdentity();
			return (identity != null) ? "open to " + identity.getName() : "open";
		}

		@CoapGetMapping("/admin/status")
		String admin() {
			this.calls.incrementAndGet();
			return "admin";
		}

	}


}
