package io.coapspring.server.dtls;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Runs {@link DtlsTestApplication} on 127.0.0.1 with a plain and a DTLS endpoint on free ports, pre-shared
 * keys, an X.509 SSL bundle whose trust store holds the test CA, a trusted raw public key, and client
 * authentication needed. Test classes with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = DtlsTestApplication.class, properties = { "coap.server.address=127.0.0.1",
		"coap.server.port=0", "coap.server.dtls.enabled=true", "coap.server.dtls.port=0",
		"coap.server.dtls.psk.identities.device-psk=secretPSK",
		"coap.server.dtls.psk.identities[device.b64]=base64:c2VjcmV0UFNL",
		"coap.server.dtls.ssl-bundle=coap-server", "coap.server.dtls.certificate-types=x509,raw-public-key",
		"coap.server.dtls.rpk.trusted-keys=classpath:dtls/rpk-client-pub.pem",
		"spring.ssl.bundle.pem.coap-server.keystore.certificate=classpath:dtls/server.pem",
		"spring.ssl.bundle.pem.coap-server.keystore.private-key=classpath:dtls/server-key.pem",
		"spring.ssl.bundle.pem.coap-server.truststore.certificate=classpath:dtls/ca.pem" })
@interface DtlsServerTest {

}
