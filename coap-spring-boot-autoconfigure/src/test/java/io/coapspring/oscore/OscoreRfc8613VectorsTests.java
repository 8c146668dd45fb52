package io.coapspring.oscore;

import java.util.HexFormat;

import io.coapspring.autoconfigure.CoapAutoConfiguration;
import io.coapspring.autoconfigure.CoapOscoreAutoConfiguration;
import org.eclipse.californium.core.coap.Message;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.network.serialization.UdpDataParser;
import org.eclipse.californium.core.network.serialization.UdpDataSerializer;
import org.eclipse.californium.oscore.HashMapCtxDB;
import org.eclipse.californium.oscore.OSCoreCtx;
import org.eclipse.californium.oscore.OSCoreCtxDB;
import org.eclipse.californium.oscore.RequestDecryptor;
import org.eclipse.californium.oscore.RequestEncryptor;
import org.eclipse.californium.oscore.ResponseEncryptor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test vectors of RFC 8613 Appendix C, with security contexts built from {@code coap.oscore.contexts.*}.
 */
class OscoreRfc8613VectorsTests {

	private static final HexFormat HEX = HexFormat.of();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CoapAutoConfiguration.class, CoapOscoreAutoConfiguration.class))
		.withPropertyValues("coap.oscore.enabled=true",
				"coap.oscore.contexts.c1-client.master-secret=0102030405060708090a0b0c0d0e0f10",
				"coap.oscore.contexts.c1-client.master-salt=base64:nnypIiN4Y0A=",
				"coap.oscore.contexts.c1-client.sender-id=", "coap.oscore.contexts.c1-client.recipient-id=01",
				"coap.oscore.contexts.c1-client.peer-uri=coap://localhost",
				"coap.oscore.contexts.c2-server.master-secret=0102030405060708090a0b0c0d0e0f10",
				"coap.oscore.contexts.c2-server.sender-id=01", "coap.oscore.contexts.c2-server.recipient-id=00");

	@Test
	void keysAndCommonIvOfAppendixC1AndC2() {
		this.runner.run((context) -> {
			OSCoreCtxDB db = context.getBean(OSCoreCtxDB.class);
			// C.1.1: client with master salt, empty sender ID
			OSCoreCtx c1 = db.getContext(new byte[] { 0x01 }, null);
			assertThat(HEX.formatHex(c1.getSenderKey())).isEqualTo("f0910ed7295e6ad4b54fc793154302ff");
			assertThat(HEX.formatHex(c1.getRecipientKey())).isEqualTo("ffb14e093c94c9cac9471648b4f98710");
			assertThat(HEX.formatHex(c1.getCommonIV())).isEqualTo("4622d4dd6d944168eefb54987c");
			// C.2.2: server without master salt
			OSCoreCtx c2 = db.getContext(new byte[] { 0x00 }, null);
			assertThat(HEX.formatHex(c2.getSenderKey())).isEqualTo("e57b5635815177cd679ab4bcec9d7dda");
			assertThat(HEX.formatHex(c2.getRecipientKey())).isEqualTo("321b26943253c7ffb6003b0b64d74041");
			assertThat(HEX.formatHex(c2.getCommonIV())).isEqualTo("be35ae297d2dace910c52e99f9");
		});
	}

	@Test
	void protectedRequestOfAppendixC5IsDecryptedByTheServerContextOfC22() throws Exception {
		this.runner.run((context) -> {
			OSCoreCtxDB db = context.getBean(OSCoreCtxDB.class);
			byte[] protectedRequest = HEX.parseHex(
					"440271c30000b932396c6f63616c686f737463091400ff4ed339a5a379b0b8bc731fffb0");
			Request request = (Request) new UdpDataParser().parseMessage(protectedRequest);
			Request decrypted = RequestDecryptor.decrypt(db, request, db.getContext(new byte[] { 0x00 }, null));
			assertThat(decrypted.getCode()).isEqualTo(org.eclipse.californium.core.coap.CoAP.Code.GET);
			assertThat(decrypted.getOptions().getUriPathString()).isEqualTo("tv1");
		});
	}

	@Test
	void requestOfAppendixC4AndResponseOfAppendixC7() throws Exception {
		this.runner.run((context) -> {
			OSCoreCtxDB db = context.getBean(OSCoreCtxDB.class);
			OSCoreCtx client = db.getContext("coap://localhost");
			client.setSenderSeq(20);
			Request request = (Request) new UdpDataParser()
				.parseMessage(HEX.parseHex("44015d1f00003974396c6f63616c686f737483747631"));
			Request encrypted = RequestEncryptor.encrypt(db, request);
			assertThat(HEX.formatHex(new UdpDataSerializer().getByteArray(encrypted)))
				.isEqualTo("44025d1f00003974396c6f63616c686f7374620914ff612f1092f1776f1c1668b3825e");
			// C.7: the server of C.1.2 answers without Partial IV
			OSCoreCtx server = new OSCoreCtx(HEX.parseHex("0102030405060708090a0b0c0d0e0f10"), false,
					client.getAlg(), new byte[] { 0x01 }, new byte[0], client.getKdf(), 32,
					HEX.parseHex("9e7ca92223786340"), null, 1024);
			Message message = new UdpDataParser().parseMessage(HEX.parseHex("64455d1f00003974ff48656c6c6f20576f726c6421"));
			Response response = ResponseEncryptor.encrypt(new HashMapCtxDB(), (Response) message, server, false, false,
					20);
			assertThat(HEX.formatHex(new UdpDataSerializer().getByteArray(response)))
				.isEqualTo("64445d1f0000397490ffdbaad1e9a7e7b2a813d3c31524378303cdafae119106");
		});
	}

}
