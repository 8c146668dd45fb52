package io.coapspring.transport.tcp;

import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import io.coapspring.transport.tcp.RawTcpPeer.Frame;
import org.eclipse.californium.core.CoapServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * RFC 8323 signaling of the {@code coap+tcp} endpoint, driven byte by byte from a plain socket: our CSM comes
 * first, Ping is answered, and every misbehaviour (no CSM, a bad CSM, an oversized frame, a stalled frame) ends
 * in an Abort or a close without harming the server.
 */
@SpringBootTest(classes = TcpTestApplication.class,
		properties = { "coap.server.address=127.0.0.1", "coap.server.port=0", "coap.server.tcp.enabled=true",
				"coap.server.tcp.port=0", "coap.server.tcp.csm-timeout=1s", "coap.server.tcp.idle-timeout=2s" })
class CoapSignalingTests {

	/** GET /hello with token 0x01. */
	private static final byte[] GET_HELLO = { 0x61, 0x01, 0x01, (byte) 0xB5, 'h', 'e', 'l', 'l', 'o' };

	@Autowired
	CoapServer server;

	int port;

	@BeforeEach
	void port() {
		this.port = TcpTestApplication.tcpPort(this.server);
	}

	@Test
	void serverSendsCsmWithMaxMessageSizeAndBlockWiseTransferFirst() throws Exception {
		try (RawTcpPeer peer = new RawTcpPeer(this.port)) {
			Frame csm = peer.read();
			assertThat(csm.codeText()).isEqualTo("7.01");
			// Max-Message-Size (2) = 1152, Block-Wise-Transfer (4) empty
			assertThat(csm.optionBytes()).containsExactly(0x22, 0x04, 0x80, 0x20);
		}
	}

	@Test
	void requestAfterCsmIsAnswered() throws Exception {
		try (RawTcpPeer peer = new RawTcpPeer(this.port)) {
			assertThat(peer.read().codeText()).isEqualTo("7.01");
			peer.csm().send(GET_HELLO);
			Frame response = peer.read();
			assertThat(response.codeText()).isEqualTo("2.05");
			assertThat(response.token()).containsExactly(0x01);
			assertThat(response.payloadText()).isEqualTo("hello over tcp");
		}
	}

	@Test
	void pingIsAnsweredWithPongWithItsTokenAndCustody() throws Exception {
		try (RawTcpPeer peer = new RawTcpPeer(this.port)) {
			peer.read();
			// Ping, token 0x42 0x43, Custody option (2, empty)
			peer.csm().send(0x12, 0xE2, 0x42, 0x43, 0x20);
			Frame pong = peer.read();
			assertThat(pong.codeText()).isEqualTo("7.03");
			assertThat(pong.token()).containsExactly(0x42, 0x43);
			assertThat(pong.optionBytes()).containsExactly(0x20);
		}
	}

	@Test
	void requestBeforeCsmIsAborted() throws Exception {
		try (RawTcpPeer peer = new RawTcpPeer(this.port)) {
			peer.send(GET_HELLO);
			assertThat(peer.read().codeText()).isEqualTo("7.01");
			Frame abort = peer.read();
			assertThat(abort.codeText()).isEqualTo("7.05");
			assertThat(abort.payloadText()).contains("first message must be a CSM");
			assertThat(peer.closedByServer()).isTrue();
		}
		assertServerStillAnswers();
	}

	@Test
	void csmWithUnknownCriticalOptionIsAbortedWithBadCsmOption() throws Exception {
		try (RawTcpPeer peer = new RawTcpPeer(this.port)) {
			peer.read();
			// CSM with critical option 3, empty
			peer.send(0x10, 0xE1, 0x30);
			Frame abort = peer.read();
			assertThat(abort.codeText()).isEqualTo("7.05");
			// Bad-CSM-Option (2) = 3
			assertThat(abort.optionBytes()).containsExactly(0x21, 0x03);
			assertThat(peer.closedByServer()).isTrue();
		}
	}

	@Test
	void unknownElectiveCsmOptionIsIgnored() throws Exception {
		try (RawTcpPeer peer = new RawTcpPeer(this.port)) {
			peer.read();
			// CSM with elective option 6 = 0x01
			peer.send(0x20, 0xE1, 0x61, 0x01).send(GET_HELLO);
			assertThat(peer.read().codeText()).isEqualTo("2.05");
		}
	}

	@Test
	void frameLargerThanMaxMessageSizeIsAbortedBeforeItsBodyArrives() throws Exception {
		try (RawTcpPeer peer = new RawTcpPeer(this.port)) {
			peer.read();
			// a PUT announcing 100000 bytes of options and payload (4-byte extended length), body never sent
			int extended = 100000 - 65805;
			peer.csm()
				.send(0xF1, (extended >>> 24) & 0xFF, (extended >>> 16) & 0xFF, (extended >>> 8) & 0xFF,
						extended & 0xFF, 0x03, 0x07);
			Frame abort = peer.read();
			assertThat(abort.codeText()).isEqualTo("7.05");
			assertThat(abort.payloadText()).contains("exceeds the Max-Message-Size of 1152");
			assertThat(peer.closedByServer()).isTrue();
		}
		assertServerStillAnswers();
	}

	@Test
	void reservedTokenLengthIsAborted() throws Exception {
		try (RawTcpPeer peer = new RawTcpPeer(this.port)) {
			peer.read();
			peer.csm().send(0x09, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 9);
			Frame abort = peer.read();
			assertThat(abort.codeText()).isEqualTo("7.05");
			assertThat(abort.payloadText()).contains("token length 9");
		}
	}

	@Test
	void connectionWithoutCsmIsAbortedAfterCsmTimeout() throws Exception {
		try (RawTcpPeer peer = new RawTcpPeer(this.port)) {
			assertThat(peer.read().codeText()).isEqualTo("7.01");
			Frame abort = peer.read();
			assertThat(abort.codeText()).isEqualTo("7.05");
			assertThat(abort.payloadText()).contains("no CSM received within 1000 ms");
			assertThat(peer.closedByServer()).isTrue();
		}
	}

	@Test
	void slowSenderIsClosedAtIdleTimeout() throws Exception {
		try (RawTcpPeer peer = new RawTcpPeer(this.port)) {
			peer.read();
			// the first two bytes of GET /hello, then nothing
			peer.csm().send(0x61, 0x01);
			assertThat(peer.closedByServer()).isTrue();
		}
		assertServerStillAnswers();
	}

	@Test
	void abortFromPeerClosesTheConnection() throws Exception {
		try (RawTcpPeer peer = new RawTcpPeer(this.port)) {
			peer.read();
			byte[] diagnostic = "bye".getBytes(StandardCharsets.UTF_8);
			peer.csm().send(0x40, 0xE5, 0xFF).send(diagnostic);
			assertThat(peer.closedByServer()).isTrue();
		}
	}

	@Test
	void responseLargerThanPeersMaxMessageSizeIsNotSent() throws Exception {
		try (RawTcpPeer peer = new RawTcpPeer(this.port)) {
			peer.read();
			// CSM with Max-Message-Size 16: smaller than the 2.05 with "hello over tcp"
			peer.send(0x20, 0xE1, 0x21, 0x10).send(GET_HELLO);
			// a Ping sent after the request is answered, the response was dropped before it
			peer.send(0x01, 0xE2, 0x09);
			Frame next = peer.read();
			assertThat(next.codeText()).isEqualTo("7.03");
			peer.readTimeout(1000);
			assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(peer::read);
		}
	}

	private void assertServerStillAnswers() throws Exception {
		try (RawTcpPeer peer = new RawTcpPeer(this.port)) {
			peer.read();
			peer.csm().send(GET_HELLO);
			assertThat(peer.read().payloadText()).isEqualTo("hello over tcp");
		}
	}

}
